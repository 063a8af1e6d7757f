using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Privacy;

namespace Wijkbeeld.Infrastructure.Web;

/// <summary>RFC 9457 problem details with Dutch titles a person can act on.</summary>
public static class Problems
{
    public static ValidationProblem Validation(IStringLocalizer text, IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: text["Problem.ValidationTitle"],
            // Flagged personal data (AVG) tells the client how to confirm it.
            detail: errors.ContainsKey(PersonalDataRules.ConfirmField) ? text["Privacy.ApiDetail"] : text["Problem.ValidationDetail"]);

    public static ProblemHttpResult NotFound(IStringLocalizer text, string? detail = null) =>
        TypedResults.Problem(detail ?? text["Problem.NotFoundDetail"], statusCode: StatusCodes.Status404NotFound, title: text["Problem.NotFoundTitle"]);

    /// <summary>428: a change without (or with an unreadable) If-Match; the client must send the version it read.</summary>
    public static ProblemHttpResult IfMatchRequired(IStringLocalizer text) =>
        Status(text, StatusCodes.Status428PreconditionRequired, text["Problem.IfMatchRequired"]);

    public static ProblemHttpResult Status(IStringLocalizer text, int status, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: text["Problem.Title." + status], extensions: extensions);

    /// <summary>
    /// Gives every problem a Dutch title by status code, also those the framework writes itself
    /// (bad JSON, 404, 413, 415 ...); validation problems keep their own title.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.Remove("exception");
        if (problem is HttpValidationProblemDetails && problem.Title is not null)
        {
            return;
        }
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        var title = text["Problem.Title." + status];
        problem.Title = title.ResourceNotFound ? text["Problem.Title.Other"] : title;
        var detail = text["Problem.Detail." + status];
        problem.Detail ??= detail.ResourceNotFound ? text["Problem.Detail.Other"] : detail;
    }
}
