using Wijkbeeld.Features.Network.WhosWho;

namespace Wijkbeeld.Tests.Features.Network;

/// <summary>A small known network for pages and screenshots: a buurt's people, their organisations, one shared meeting.</summary>
public static class NetworkSupport
{
    public static async Task<(NetworkMemberDto Ans, NetworkMemberDto Bob, NetworkMemberDto Cor)> AddSampleAsync(HttpClient client, string tag = "")
    {
        var ans = await WhosWhoTests.AddAsync(client, new
        {
            name = "Ans de Vries" + tag, role = "Wijkcoach", activities = "Spreekuur in het buurthuis en huisbezoeken", areas = new[] { "BU04000302" },
            organisationName = "Sociaal wijkteam", bestPersonTypes = new[] { "frontliniewerker" }, howToReach = "Via het wijkteam, dinsdagochtend in De Kroon",
            contactConsent = true, consentDate = "2026-11-02", contactEmail = "ans@example.nl",
        });
        var bob = await WhosWhoTests.AddAsync(client, new
        {
            name = "Bob Jansen" + tag, role = "Wijkagent", activities = "Aanspreekpunt voor veiligheid", areas = new[] { "BU04000302", "BU04000304" },
            organisationName = "Politie", bestPersonTypes = new[] { "bruggenbouwer" }, howToReach = "Via 0900-8844, vraag naar de wijkagent",
        });
        var cor = await WhosWhoTests.AddAsync(client, new
        {
            name = "Cor Bakker" + tag, role = "Eigenaar buurtwinkel", activities = "Kent iedereen in de straat", areas = new[] { "BU04000304" },
            kind = "professional", bestPersonTypes = new[] { "sociale-ondernemer", "alledaagse-doener" }, howToReach = "In de winkel, elke dag behalve zondag",
        });
        await MeetingsTests.AddMeetingAsync(client, "Buurtnetwerk Nieuw Den Helder" + tag, 2, (ans.Name, "Sociaal wijkteam"), (bob.Name, "Politie"));
        return (ans, bob, cor);
    }

    /// <summary>Fills the placeholders of the network pages for the accessibility checks ({member}; a case's needs).</summary>
    public static async Task<string> PathAsync(HttpClient client, string path)
    {
        if (!path.StartsWith("/netwerk", StringComparison.Ordinal) && !path.StartsWith("/competenties", StringComparison.Ordinal)) return path;
        var (ans, _, _) = await AddSampleAsync(client);
        await client.PutAsJsonAsync("/api/competences/mine", new { codes = new[] { "verbinden", "lef" } }, TestApps.Ct);
        if (path.StartsWith("/competenties?case=", StringComparison.Ordinal))
        {
            await client.PutAsJsonAsync($"/api/competences/cases/{path["/competenties?case=".Length..]}", new { codes = new[] { "lef", "presenteren" } }, TestApps.Ct);
        }
        return path.Replace("{member}", ans.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
