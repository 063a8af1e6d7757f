using System.Globalization;
using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Network;
using static Microsoft.Playwright.Assertions;

namespace Wijkbeeld.Tests.Browser;

/// <summary>The meetings inventory page: totals and what-if for a known set, expected values computed from the input.</summary>
public sealed class MeetingsBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public async Task The_totals_and_the_what_if_numbers_are_right_for_a_known_set()
    {
        var tag = TestApps.UniqueTag();
        var (team, school) = ("Sociaal wijkteam " + tag, "Basisschool " + tag);
        (string Name, decimal Hours, (string Name, string Org)[] People)[] set =
        [
            ("Zorgoverleg " + tag, 3.5m, [("Ans", team), ("Bob", team), ("Cor", school)]),
            ("Jeugdoverleg " + tag, 2m, [("Ans", team), ("Cor", school)]),
            ("Buurtoverleg " + tag, 1.5m, [("Bob", team), ("Dora", school)]),
        ];
        var ids = new List<int>();
        foreach (var (name, hours, who) in set) ids.Add((await MeetingsTests.AddMeetingAsync(Fixture.Writer, name, hours, who)).Id);

        // A coordinator: only coordinators see every person's hours (anyone else sees their own and the organisations').
        var page = await OpenAsync("/overleggen", role: Roles.Coordinator);
        decimal PersonBefore(string person, string org) => set.Where(m => m.People.Contains((person, org))).Sum(m => m.Hours);
        async Task ExpectRow(string kind, string name, string figure, decimal value) =>
            await Expect(page.Locator($".hours-table[data-kind={kind}] tbody tr", new() { HasText = name }).Locator($"[data-figure={figure}]"))
                .ToHaveTextAsync(value.ToString("0.##", Dutch));
        foreach (var (person, org) in set.SelectMany(m => m.People).Distinct())
        {
            await ExpectRow("people", $"{person} ({org})", "before", PersonBefore(person, org));
        }
        await ExpectRow("organisations", team, "before", set.Sum(m => m.Hours * m.People.Count(p => p.Org == team)));
        await ExpectRow("organisations", school, "before", set.Sum(m => m.Hours * m.People.Count(p => p.Org == school)));

        // What if: drop the jeugdoverleg, merge the buurtoverleg into the zorgoverleg.
        await page.GetByLabel($"{Fixture.Text("Meetings.WhatIf")}: {set[1].Name}").SelectOptionAsync("drop");
        await page.GetByLabel($"{Fixture.Text("Meetings.WhatIf")}: {set[2].Name}").SelectOptionAsync($"merge:{ids[0]}");
        await page.GetByRole(AriaRole.Button, new() { Name = Fixture.Text("Meetings.Calculate") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Fixture.Text("Meetings.WhatIfTitle") })).ToBeVisibleAsync();

        // After: everyone left sits only in the zorgoverleg (Dora joins it).
        var zorg = set[0].Hours;
        var people = set.SelectMany(m => m.People).Distinct().ToList();
        foreach (var (person, org) in people)
        {
            await ExpectRow("people", $"{person} ({org})", "after", zorg);
            await ExpectRow("people", $"{person} ({org})", "freed", PersonBefore(person, org) - zorg);
        }
        var freed = people.Sum(p => PersonBefore(p.Name, p.Org)) - zorg * people.Count;
        await ExpectRow("organisations", team, "freed", people.Where(p => p.Org == team).Sum(p => PersonBefore(p.Name, p.Org) - zorg));
        // Only this test's meetings change, so the total freed is theirs.
        await Expect(page.Locator("#freed")).ToHaveTextAsync(string.Format(Dutch, Fixture.Text("Meetings.Freed"), freed.ToString("0.##", Dutch)));
        AssertNoScriptErrors();
    }
}
