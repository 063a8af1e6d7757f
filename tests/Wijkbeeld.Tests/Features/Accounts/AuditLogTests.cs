using System.Text.RegularExpressions;

namespace Wijkbeeld.Tests.Features.Accounts;

/// <summary>The audit log page shows 50 entries at a time, newest first, with a link to the older ones; the API pages the same way.</summary>
public sealed partial class AuditLogTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_log_pages_through_older_entries_without_gaps_or_repeats()
    {
        var coordinator = await App.CreateClientAsAsync(Roles.Coordinator);
        // The sample load writes well over a hundred entries as "Wijkbeeld".
        var all = await (await coordinator.GetAsync("/api/audit?person=Wijkbeeld", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.True(all.Count > 100, $"only {all.Count} sample entries");
        Assert.Equal(all.OrderByDescending(e => e.Id).Select(e => e.Id), all.Select(e => e.Id));

        var first = await coordinator.GetPageAsync("/beheer/logboek?person=Wijkbeeld");
        Assert.Equal(50, Rows().Matches(first).Count);
        var older = OlderLink().Match(first);
        Assert.True(older.Success, "no link to older entries");
        Assert.Equal(all[49].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), older.Groups["before"].Value);
        Assert.Contains("person=Wijkbeeld", older.Value);

        var second = await coordinator.GetPageAsync(Html.Text(older.Groups["href"].Value));
        Assert.Equal(Math.Min(50, all.Count - 50), Rows().Matches(second).Count);
        Assert.Contains("Naar de nieuwste", Html.Text(second));

        var apiSecond = await (await coordinator.GetAsync($"/api/audit?person=Wijkbeeld&before={all[49].Id}", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Equal(all.Skip(50).Select(e => e.Id), apiSecond.Select(e => e.Id).Take(all.Count - 50));
    }

    [GeneratedRegex("<tr>\\s*<td><time")]
    private static partial Regex Rows();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*before=(?<before>\\d+)[^\"]*)\">Oudere wijzigingen</a>")]
    private static partial Regex OlderLink();
}
