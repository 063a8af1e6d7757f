using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Wijkbeeld.Infrastructure.Web;

/// <summary>RFC 9457 problem details with Dutch titles a person can act on.</summary>
public static class Problems
{
    public static ValidationProblem Validation(IStringLocalizer text, IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: text["Problem.ValidationDetail"], title: text["Problem.ValidationTitle"]);

    public static ProblemHttpResult NotFound(IStringLocalizer text, string? detail = null) =>
        TypedResults.Problem(detail ?? text["Problem.NotFoundDetail"], statusCode: StatusCodes.Status404NotFound, title: text["Problem.NotFoundTitle"]);

    public static ProblemHttpResult Status(IStringLocalizer text, int status, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: text["Problem.Title." + status], extensions: extensions);

    /// <summary>Replaces the English titles of problems the framework writes itself (bad JSON, 404, 415, 413 ...).</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        problem.Extensions.Remove("exception");
        if (problem.Title is not null && problem.Title != ReasonPhrases.GetReasonPhrase(status) && !FrameworkTitles.Contains(problem.Title))
        {
            return;
        }
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();
        var title = text["Problem.Title." + status];
        problem.Title = title.ResourceNotFound ? text["Problem.Title.Other"] : title;
        var detail = text["Problem.Detail." + status];
        problem.Detail ??= detail.ResourceNotFound ? text["Problem.Detail.Other"] : detail;
    }

    static readonly HashSet<string> FrameworkTitles =
        ["An error occurred while processing your request.", "One or more validation errors occurred."];
}
