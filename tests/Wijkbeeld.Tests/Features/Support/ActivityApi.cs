using System.Xml.Linq;
using static Wijkbeeld.Tests.Features.Support.TestApps;

namespace Wijkbeeld.Tests.Features.Support;

/// <summary>"Wat speelt er" as a client reads it: GET /api/activity and the Atom feed.</summary>
public static class ActivityApi
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static async Task<ActivityPageShape> ActivityAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync("/api/activity" + (query.Length == 0 ? "" : "?" + query), Ct)).ReadOkAsync<ActivityPageShape>();

    /// <summary>The newest sequence number: the point a test counts its own changes from.</summary>
    public static async Task<long> LatestSequenceAsync(this HttpClient client) =>
        (await client.ActivityAsync("pageSize=1")).LatestSequence;

    /// <summary>Every public change after <paramref name="since"/>, oldest first, following the pages (catch-up as realtime.js does it).</summary>
    public static async Task<IReadOnlyList<ActivityEntryShape>> ChangesSinceAsync(this HttpClient client, long since, string filter = "")
    {
        var all = new List<ActivityEntryShape>();
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 100, "The catch-up does not end.");
            var page = await client.ActivityAsync($"since={since}&pageSize=200" + (filter.Length == 0 ? "" : "&" + filter));
            all.AddRange(page.Entries);
            if (!page.HasMore || page.Entries.Count == 0)
            {
                return all;
            }
            since = page.Entries[^1].Sequence;
        }
    }

    /// <summary>GETs the Atom feed, checks its content type and parses it: a parse error means it is not well-formed XML.</summary>
    public static async Task<XDocument> AtomFeedAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/activity.atom" + (query.Length == 0 ? "" : "?" + query), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        return await XDocument.LoadAsync(body, LoadOptions.None, Ct);
    }
}
