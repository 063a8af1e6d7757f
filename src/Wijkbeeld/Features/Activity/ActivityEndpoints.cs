using System.Globalization;
using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Infrastructure.Caching;
using Wijkbeeld.Infrastructure.Web;

namespace Wijkbeeld.Features.Activity;

public static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Activity");
        api.MapGet("/activity", List).CacheOutput(ReadCache.Items).WithSummary("Wat speelt er: wijzigingen, nieuwste eerst; met since=<volgnummer> alles daarna, oudste eerst");
        api.MapGet("/activity.atom", Atom).CacheOutput(ReadCache.Items).WithSummary("Wat speelt er als Atom-feed");
        return routes;
    }

    /// <summary>Parses the shared item filter (kind, theme, area, paging) plus <c>since</c>.</summary>
    public static async Task<(ActivityFilter? Filter, Dictionary<string, string[]> Errors)> ParseAsync(
        ItemQuery query, string? since, ItemReader reader, IStringLocalizer text, CancellationToken ct)
    {
        var (filter, errors) = await reader.ParseAsync(query, ct, defaultPageSize: 50, maxPageSize: ChangeFeed.MaxPageSize);
        long? sinceSequence = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                sinceSequence = s;
            }
            else
            {
                errors["since"] = [text["Error.NumberRange", 0, long.MaxValue]];
            }
        }
        if (filter is null || errors.Count > 0)
        {
            return (null, errors);
        }
        return (new ActivityFilter(sinceSequence, filter.Area, filter.Kinds, filter.Themes, filter.Page, filter.PageSize), errors);
    }

    public static async Task<Results<Ok<ActivityPage>, ValidationProblem>> List(
        [AsParameters] ItemQuery query, [FromQuery(Name = "since")] string? since,
        ItemReader reader, ChangeFeed feed, IStringLocalizer<Texts> text, CancellationToken ct)
    {
        var (filter, errors) = await ParseAsync(query, since, reader, text, ct);
        return filter is null ? Problems.Validation(text, errors) : TypedResults.Ok(await feed.ReadAsync(filter, ct));
    }

    /// <summary>RFC 4287 Atom: the newest 50 changes of the same filter, each linking to its item.</summary>
    public static async Task<IResult> Atom([AsParameters] ItemQuery query, ItemReader reader, ChangeFeed feed,
        IStringLocalizer<Texts> text, HttpContext http, CancellationToken ct)
    {
        var (filter, errors) = await ParseAsync(query with { Page = null }, null, reader, text, ct);
        if (filter is null)
        {
            return Problems.Validation(text, errors);
        }
        var page = await feed.ReadAsync(filter, ct);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        http.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var xml = XmlWriter.Create(http.Response.Body, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        const string ns = "http://www.w3.org/2005/Atom";
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("feed", ns);
        xml.WriteElementString("title", ns, filter.Area is { } area ? text["Activity.FeedTitleArea", area.Name] : text["Activity.FeedTitle"]);
        xml.WriteElementString("id", ns, $"{baseUrl}/api/activity.atom{http.Request.QueryString}");
        xml.WriteElementString("updated", ns, XmlConvert.ToString(page.Entries.FirstOrDefault()?.At ?? DateTime.UnixEpoch, XmlDateTimeSerializationMode.Utc));
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", "self");
        xml.WriteAttributeString("href", $"{baseUrl}/api/activity.atom{http.Request.QueryString}");
        xml.WriteEndElement();
        xml.WriteStartElement("author", ns);
        xml.WriteElementString("name", ns, "Wijkbeeld");
        xml.WriteEndElement();
        foreach (var entry in page.Entries)
        {
            xml.WriteStartElement("entry", ns);
            xml.WriteElementString("id", ns, $"urn:wijkbeeld:{http.Request.Host.Host}:change:{entry.Sequence}");
            xml.WriteElementString("title", ns, $"{text["Change." + entry.Type]}: {entry.Title}");
            xml.WriteElementString("updated", ns, XmlConvert.ToString(entry.At, XmlDateTimeSerializationMode.Utc));
            xml.WriteStartElement("link", ns);
            xml.WriteAttributeString("href", $"{baseUrl}/items/{entry.ItemId}");
            xml.WriteEndElement();
            xml.WriteStartElement("category", ns);
            xml.WriteAttributeString("term", entry.Kind);
            xml.WriteAttributeString("label", text["Kind." + entry.Kind]);
            xml.WriteEndElement();
            xml.WriteElementString("summary", ns, entry.Summary);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        return Results.Empty;
    }
}
