using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Wijkbeeld.Tests.Features.Accounts;

/// <summary>
/// Every endpoint and page × every role, with the expected HTTP status. The subject is an item of the municipality
/// that only its own organisation may see. A new endpoint without a row here fails <see cref="Every_endpoint_and_page_has_a_row"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    /// <summary>The six columns, in the order of the expected statuses in each row.</summary>
    public enum Who { Anonymous, Reader, Owner, OtherOrganisation, Coordinator, Administrator }

    /// <summary>What a request needs: a fresh organisation-only item, a fresh waiting contribution, a fresh account.</summary>
    public sealed record Subject(int ItemId, int ContributionId, int AccountId, string Unique);

    public sealed record Row(string Endpoint, string Expected, Func<Subject, HttpRequestMessage> Request, bool FreshClient = false)
    {
        public int[] Statuses => Expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
    }

    static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    static HttpRequestMessage Json(HttpMethod method, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    static HttpRequestMessage Raw(HttpMethod method, string url, string body, string mediaType, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, new MediaTypeHeaderValue(mediaType)) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    static NewItem PublicItem(string tag) => NewItem.At(Places.Centrum, "Matrix " + tag);

    //                                  anonymous lezer owner other coordinator beheerder
    public static readonly Row[] Rows =
    [
        // Items API
        new("GET /api/items", "200 200 200 200 200 200", _ => Get("/api/items")),
        new("GET /api/items/{id:int}", "404 200 200 404 200 200", s => Get($"/api/items/{s.ItemId}")),
        new("POST /api/items", "401 403 201 201 201 201", s => Json(HttpMethod.Post, "/api/items", PublicItem(s.Unique))),
        new("PUT /api/items/{id:int}", "401 403 200 404 200 200", s => Json(HttpMethod.Put, $"/api/items/{s.ItemId}", PublicItem(s.Unique) with { Visibility = "organisatie" }, "\"1\"")),
        new("DELETE /api/items/{id:int}", "401 403 204 404 204 204", s => new HttpRequestMessage(HttpMethod.Delete, $"/api/items/{s.ItemId}")),
        new("POST /api/items/{id:int}/comments", "401 403 200 404 200 200", s => Json(HttpMethod.Post, $"/api/items/{s.ItemId}/comments", new { text = "Gesproken met de buurt." })),
        new("GET /api/items.geojson", "200 200 200 200 200 200", _ => Get("/api/items.geojson")),
        new("GET /api/items.csv", "200 200 200 200 200 200", _ => Get("/api/items.csv")),
        new("POST /api/items/import", "401 403 403 403 200 200", s => Raw(HttpMethod.Post, "/api/items/import",
            GeoJsonSamples.FeatureCollection([GeoJsonSamples.ItemFeature(PublicItem(s.Unique))]).ToJsonString(), "application/geo+json")),
        // Areas: an import replaces every area, so the authorised roles get a refused (empty) file here.
        new("GET /api/areas/", "200 200 200 200 200 200", _ => Get("/api/areas/")),
        new("GET /api/areas/{code}", "200 200 200 200 200 200", _ => Get("/api/areas/GM0400")),
        new("GET /api/areas/boundaries.geojson", "200 200 200 200 200 200", _ => Get("/api/areas/boundaries.geojson")),
        new("POST /api/areas/import", "401 403 403 403 400 400", _ => Raw(HttpMethod.Post, "/api/areas/import", "{}", "application/geo+json")),
        // Activity
        new("GET /api/activity", "200 200 200 200 200 200", _ => Get("/api/activity")),
        new("GET /api/activity.atom", "200 200 200 200 200 200", _ => Get("/api/activity.atom")),
        // Accounts
        new("POST /api/session", "401 401 401 401 401 401", _ => Json(HttpMethod.Post, "/api/session", new { email = "niemand@example.nl", password = "verkeerd wachtwoord" })),
        new("GET /api/session", "401 200 200 200 200 200", _ => Get("/api/session")),
        new("DELETE /api/session", "401 204 204 204 204 204", _ => new HttpRequestMessage(HttpMethod.Delete, "/api/session"), FreshClient: true),
        new("GET /api/organisations", "401 200 200 200 200 200", _ => Get("/api/organisations")),
        new("POST /api/organisations", "401 403 403 403 403 201", s => Json(HttpMethod.Post, "/api/organisations", new { name = "Buurtteam " + s.Unique, kind = "welzijn" })),
        new("POST /api/invitations", "401 403 403 403 201 201", s => Json(HttpMethod.Post, "/api/invitations",
            new { email = s.Unique + "@example.nl", name = "Nieuwe collega", role = "professional", organisationId = fixtureOrganisation })),
        new("PUT /api/users/{id:int}/role", "401 403 403 403 204 204", s => Json(HttpMethod.Put, $"/api/users/{s.AccountId}/role", new { role = "professional" })),
        new("GET /account/gegevens", "302 200 200 200 200 200", _ => Get("/account/gegevens")),
        // Field work and photos
        new("GET /api/items/nearby", "200 200 200 200 200 200", _ => Get($"/api/items/nearby?latitude={Places.Willemsoord.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}&longitude={Places.Willemsoord.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}&kind=kans")),
        new("POST /api/items/{id:int}/support", "404 200 200 404 200 200", s => Json(HttpMethod.Post, $"/api/items/{s.ItemId}/support", new { })),
        new("POST /api/items/{id:int}/photos", "401 403 415 404 415 415", s => Raw(HttpMethod.Post, $"/api/items/{s.ItemId}/photos", "geen foto", "image/jpeg")),
        new("GET /api/items/{id:int}/photos", "404 200 200 404 200 200", s => Get($"/api/items/{s.ItemId}/photos")),
        new("GET /api/photos/{id:guid}", "404 404 404 404 404 404", _ => Get($"/api/photos/{Guid.NewGuid()}")),
        new("GET /sw.js", "200 200 200 200 200 200", _ => Get("/sw.js")),
        new("PAGE /wachtrij", "200 200 200 200 200 200", _ => Get("/wachtrij")),
        new("PAGE /offline", "200 200 200 200 200 200", _ => Get("/offline")),
        // Wijkprofiel: everyone reads the figures; coordinators import and edit them
        new("GET /api/indicators", "200 200 200 200 200 200", _ => Get("/api/indicators")),
        new("GET /api/indicators/{key}", "404 404 404 404 404 404", _ => Get("/api/indicators/bestaat-niet")),
        new("GET /api/areas/{code}/indicators", "200 200 200 200 200 200", _ => Get("/api/areas/GM0400/indicators")),
        new("GET /api/areas/{code}/indicators.csv", "200 200 200 200 200 200", _ => Get("/api/areas/GM0400/indicators.csv")),
        new("GET /api/indicators/{key}/values", "404 404 404 404 404 404", _ => Get("/api/indicators/bestaat-niet/values")),
        new("GET /api/indicators/{key}/values.geojson", "404 404 404 404 404 404", _ => Get("/api/indicators/bestaat-niet/values.geojson")),
        new("POST /api/indicators/import/cbs", "401 403 403 403 400 400", _ => Raw(HttpMethod.Post, "/api/indicators/import/cbs", "geen cbs", "text/csv")),
        new("POST /api/indicators/import/cbs/fetch", "401 403 403 403 400 400", _ => Json(HttpMethod.Post, "/api/indicators/import/cbs/fetch", new { })),
        new("POST /api/indicators/import/own", "401 403 403 403 400 400", _ => Raw(HttpMethod.Post, "/api/indicators/import/own", "geen csv", "text/csv")),
        new("GET /api/indicators/imports/{id:guid}", "401 403 403 403 404 404", _ => Get($"/api/indicators/imports/{Guid.NewGuid()}")),
        new("PUT /api/indicators/{key}", "401 403 403 403 404 404", _ => Json(HttpMethod.Put, "/api/indicators/bestaat-niet", new { label = "x" }, "\"1\"")),
        new("PAGE /profiel", "200 200 200 200 200 200", _ => Get("/profiel")),
        new("PAGE /profiel/{code}", "200 200 200 200 200 200", _ => Get("/profiel/GM0400")),
        new("PAGE /profiel/kaartlaag", "200 200 200 200 200 200", _ => Get("/profiel/kaartlaag")),
        new("PAGE /profiel/beheer/import", "302 302 302 302 200 200", _ => Get("/profiel/beheer/import")),
        new("PAGE /profiel/beheer/import/{id:guid}", "302 302 302 302 404 404", _ => Get($"/profiel/beheer/import/{Guid.NewGuid()}")),
        new("PAGE /profiel/beheer/indicatoren", "302 302 302 302 200 200", _ => Get("/profiel/beheer/indicatoren")),
        new("PAGE /profiel/beheer/indicatoren/{key}", "302 302 302 302 404 404", _ => Get("/profiel/beheer/indicatoren/bestaat-niet")),
        // Follow
        new("GET /api/follows/", "401 200 200 200 200 200", _ => Get("/api/follows/")),
        new("POST /api/follows/", "401 201 201 201 201 201", _ => Json(HttpMethod.Post, "/api/follows/", new { target = "thema", key = "jeugd" })),
        new("DELETE /api/follows/{id:int}", "401 404 404 404 404 404", _ => new HttpRequestMessage(HttpMethod.Delete, "/api/follows/999999")),
        new("PAGE /volgen", "302 200 200 200 200 200", _ => Get("/volgen")),
        // Contributions and moderation
        new("POST /api/contributions", "202 202 202 202 202 202", s => Json(HttpMethod.Post, "/api/contributions",
            new { kind = "kans", title = "Idee " + s.Unique, description = "Een bankje bij de speeltuin.", latitude = Places.Centrum.Latitude, longitude = Places.Centrum.Longitude })),
        new("GET /api/moderation", "401 403 403 403 200 200", _ => Get("/api/moderation")),
        new("POST /api/moderation/{id:int}", "401 403 403 403 204 204", s => Json(HttpMethod.Post, $"/api/moderation/{s.ContributionId}", new { decision = "goedkeuren" }, "\"1\"")),
        new("GET /api/audit", "401 403 403 403 200 200", _ => Get("/api/audit")),
        // WerkwijzerPlus (issue 7): observations
        new("GET /api/observations", "200 200 200 200 200 200", _ => Get("/api/observations")),
        new("GET /api/observations/{id:int}", "404 404 404 404 404 404", _ => Get("/api/observations/999999")),
        new("GET /api/observations.geojson", "200 200 200 200 200 200", _ => Get("/api/observations.geojson")),
        new("GET /api/observations.csv", "200 200 200 200 200 200", _ => Get("/api/observations.csv")),
        new("POST /api/observations", "401 403 201 201 201 201", _ => Json(HttpMethod.Post, "/api/observations", new
            { date = "2026-12-04", partOfDay = "avond", group = "jongeren", activity = "staan", latitude = Places.Willemsoord.Latitude, longitude = Places.Willemsoord.Longitude })),
        new("DELETE /api/observations/{id:int}", "401 403 404 404 404 404", _ => new HttpRequestMessage(HttpMethod.Delete, "/api/observations/999999")),
        new("GET /api/observations/groups", "200 200 200 200 200 200", _ => Get("/api/observations/groups")),
        new("POST /api/observations/groups", "401 403 403 403 201 201", s => Json(HttpMethod.Post, "/api/observations/groups", new { name = "Groep " + s.Unique })),
        new("PAGE /observaties", "200 200 200 200 200 200", _ => Get("/observaties")),
        new("PAGE /observaties/nieuw", "302 302 200 200 200 200", _ => Get("/observaties/nieuw")),
        new("PAGE /observaties/kaart", "200 200 200 200 200 200", _ => Get("/observaties/kaart")),
        new("PAGE /observaties/groepen", "302 302 302 302 200 200", _ => Get("/observaties/groepen")),
        // WerkwijzerPlus (issue 7): timeline and patterns
        new("GET /api/timeline/{areaCode}", "200 200 200 200 200 200", _ => Get("/api/timeline/WK040001")),
        new("POST /api/timeline/{areaCode}/moments", "401 403 201 201 201 201", s => Json(HttpMethod.Post, "/api/timeline/WK040001/moments",
            new { date = "2019-05-01", title = "Moment " + s.Unique, kind = "gebeurtenis", tone = "positief", source = "wijkagent" })),
        new("PUT /api/timeline/moments/{id:int}", "401 403 404 404 404 404", _ => Json(HttpMethod.Put, "/api/timeline/moments/999999",
            new { date = "2019-05-01", title = "Moment", kind = "gebeurtenis", tone = "positief", source = "wijkagent" }, "\"1\"")),
        new("DELETE /api/timeline/moments/{id:int}", "401 403 404 404 404 404", _ => new HttpRequestMessage(HttpMethod.Delete, "/api/timeline/moments/999999")),
        new("POST /api/timeline/{areaCode}/patterns", "401 403 400 400 400 400", _ => Json(HttpMethod.Post, "/api/timeline/WK040001/patterns", new { text = "Iets", momentIds = new[] { 999999 } })),
        new("DELETE /api/timeline/patterns/{id:int}", "401 403 404 404 404 404", _ => new HttpRequestMessage(HttpMethod.Delete, "/api/timeline/patterns/999999")),
        new("PAGE /tijdlijn", "200 200 200 200 200 200", _ => Get("/tijdlijn")),
        new("PAGE /tijdlijn/{areaCode}", "200 200 200 200 200 200", _ => Get("/tijdlijn/WK040001")),
        // WerkwijzerPlus (issue 7): experiments and their public survey
        new("GET /api/experiments", "200 200 200 200 200 200", _ => Get("/api/experiments")),
        new("GET /api/experiments/{id:int}", "404 404 404 404 404 404", _ => Get("/api/experiments/999999")),
        new("POST /api/experiments", "401 403 201 201 201 201", s => Json(HttpMethod.Post, "/api/experiments", new
            { areaCode = "WK040001", title = "Proef " + s.Unique, hypothesis = "Als we ..., dan ...", place = "Plein", startsOn = "2026-01-01", endsOn = "2026-02-01",
              stopCriterion = "Meer overlast", removalPlan = "Weghalen" })),
        new("POST /api/experiments/{id:int}/questions", "401 403 404 404 404 404", _ => Json(HttpMethod.Post, "/api/experiments/999999/questions", new { kind = "open", text = "Wat vindt u?" })),
        new("PUT /api/experiments/{id:int}/evaluation", "401 403 404 404 404 404", _ => Json(HttpMethod.Put, "/api/experiments/999999/evaluation", new { decision = "stoppen" }, "\"1\"")),
        new("GET /api/experiments/{id:int}/results", "404 404 404 404 404 404", _ => Get("/api/experiments/999999/results")),
        new("GET /api/experiments/{id:int}/results.csv", "404 404 404 404 404 404", _ => Get("/api/experiments/999999/results.csv")),
        new("GET /api/surveys/{token}", "404 404 404 404 404 404", _ => Get("/api/surveys/bestaat-niet")),
        new("POST /api/surveys/{token}/responses", "404 404 404 404 404 404", _ => Json(HttpMethod.Post, "/api/surveys/bestaat-niet/responses", new { answers = new { } })),
        new("GET /api/surveys/{token}/qr.png", "404 404 404 404 404 404", _ => Get("/api/surveys/bestaat-niet/qr.png")),
        new("PAGE /experimenten", "200 200 200 200 200 200", _ => Get("/experimenten")),
        new("PAGE /experimenten/{id:int}", "404 404 404 404 404 404", _ => Get("/experimenten/999999")),
        new("PAGE /experimenten/{id:int}/poster", "404 404 404 404 404 404", _ => Get("/experimenten/999999/poster")),
        new("PAGE /experimenten/{id:int}/resultaten", "404 404 404 404 404 404", _ => Get("/experimenten/999999/resultaten")),
        new("PAGE /enquete/{token}", "404 404 404 404 404 404", _ => Get("/enquete/bestaat-niet")),
        // WerkwijzerPlus (issue 7): stories (step 2). Partner stories by default; residents tell theirs without an account (moderated).
        new("GET /api/stories", "200 200 200 200 200 200", _ => Get("/api/stories")),
        new("GET /api/stories/counts", "200 200 200 200 200 200", _ => Get("/api/stories/counts?area=WK040001")),
        new("GET /api/stories/{id:int}", "404 404 404 404 404 404", _ => Get("/api/stories/999999")),
        new("GET /api/stories.csv", "200 200 200 200 200 200", _ => Get("/api/stories.csv")),
        new("POST /api/stories", "401 403 201 201 201 201", s => Json(HttpMethod.Post, "/api/stories", new { text = "Verhaal " + s.Unique, source = "bewoner", area = "WK040001" })),
        new("PUT /api/stories/{id:int}", "401 403 404 404 404 404", _ => Json(HttpMethod.Put, "/api/stories/999999", new { text = "Verhaal", source = "bewoner", area = "WK040001" }, "\"1\"")),
        new("DELETE /api/stories/{id:int}", "401 403 404 404 404 404", _ => new HttpRequestMessage(HttpMethod.Delete, "/api/stories/999999")),
        new("POST /api/stories/submissions", "202 202 202 202 202 202", s => Json(HttpMethod.Post, "/api/stories/submissions", new { text = "Verhaal " + s.Unique, source = "bewoner", area = "WK040001" })),
        new("GET /api/stories/moderation", "401 403 403 403 200 200", _ => Get("/api/stories/moderation")),
        new("POST /api/stories/{id:int}/moderation", "401 403 403 403 404 404", _ => Json(HttpMethod.Post, "/api/stories/999999/moderation", new { decision = "goedkeuren" }, "\"1\"")),
        new("PAGE /verhalen", "200 200 200 200 200 200", _ => Get("/verhalen")),
        new("PAGE /verhalen/nieuw", "302 302 200 200 200 200", _ => Get("/verhalen/nieuw")),
        new("PAGE /verhalen/vertel", "200 200 200 200 200 200", _ => Get("/verhalen/vertel")),
        new("PAGE /verhalen/gebied/{areaCode}", "200 200 200 200 200 200", _ => Get("/verhalen/gebied/WK040001")),
        new("PAGE /verhalen/moderatie", "302 302 302 302 200 200", _ => Get("/verhalen/moderatie")),
        // WerkwijzerPlus (issue 7): focus themes (step 3)
        new("GET /api/focus/", "200 200 200 200 200 200", _ => Get("/api/focus/?area=WK040001")),
        new("GET /api/focus/{id:int}", "404 404 404 404 404 404", _ => Get("/api/focus/999999")),
        new("POST /api/focus/", "401 403 201 201 201 201", s => Json(HttpMethod.Post, "/api/focus/", new { areaCode = "WK040001", title = "Focus " + s.Unique, reason = "Omdat" })),
        new("PUT /api/focus/{id:int}", "401 403 404 404 404 404", _ => Json(HttpMethod.Put, "/api/focus/999999", new { title = "Focus", reason = "Omdat" }, "\"1\"")),
        new("DELETE /api/focus/{id:int}", "401 403 404 404 404 404", _ => new HttpRequestMessage(HttpMethod.Delete, "/api/focus/999999")),
        new("PAGE /focus/{areaCode}", "200 200 200 200 200 200", _ => Get("/focus/WK040001")),
        // WerkwijzerPlus (issue 7): the six steps per area
        new("PAGE /werkwijzer/{areaCode?}", "200 200 200 200 200 200", _ => Get("/werkwijzer/WK040001")),
        // WerkwijzerPlus (issue 7): visible actions (step 4) and borgen (step 6); everyone reads what they may see, writers add
        new("GET /api/visible-actions", "200 200 200 200 200 200", _ => Get("/api/visible-actions?area=WK040001&month=2026-11")),
        new("GET /api/visible-actions.csv", "200 200 200 200 200 200", _ => Get("/api/visible-actions.csv")),
        new("GET /api/visible-actions.geojson", "200 200 200 200 200 200", _ => Get("/api/visible-actions.geojson")),
        new("GET /api/visible-actions/{id:int}", "404 404 404 404 404 404", _ => Get("/api/visible-actions/999999")),
        new("POST /api/visible-actions", "401 403 201 201 201 201", s => Json(HttpMethod.Post, "/api/visible-actions", new
            { areaCode = "WK040001", title = "Actie " + s.Unique, goal = "Zichtbaar zijn", owner = "Buurtteam", date = "2026-11-14" })),
        new("PUT /api/visible-actions/{id:int}", "401 403 404 404 404 404", _ => Json(HttpMethod.Put, "/api/visible-actions/999999", new { title = "x" }, "\"1\"")),
        new("DELETE /api/visible-actions/{id:int}", "401 403 404 404 404 404", _ => new HttpRequestMessage(HttpMethod.Delete, "/api/visible-actions/999999")),
        new("PUT /api/visible-actions/{id:int}/photo", "401 403 404 404 404 404", _ => Raw(HttpMethod.Put, "/api/visible-actions/999999/photo", "x", "image/jpeg")),
        new("GET /api/visible-actions/{id:int}/photo", "404 404 404 404 404 404", _ => Get("/api/visible-actions/999999/photo")),
        new("PAGE /acties", "200 200 200 200 200 200", _ => Get("/acties?area=WK040001")),
        new("PAGE /acties/nieuw", "302 302 200 200 200 200", _ => Get("/acties/nieuw")),
        new("PAGE /acties/{id:int}", "404 404 404 404 404 404", _ => Get("/acties/999999")),
        new("GET /api/safeguards", "200 200 200 200 200 200", _ => Get("/api/safeguards?area=WK040001")),
        new("GET /api/safeguards/{id:int}", "404 404 404 404 404 404", _ => Get("/api/safeguards/999999")),
        new("POST /api/safeguards", "401 403 201 201 201 201", s => Json(HttpMethod.Post, "/api/safeguards", new
            { areaCode = "WK040001", title = "Geborgd " + s.Unique, ownerOrganisation = "Gemeente", reviewMeeting = "Wijkoverleg", nextReviewOn = "2027-03-01" })),
        new("PUT /api/safeguards/{id:int}", "401 403 404 404 404 404", _ => Json(HttpMethod.Put, "/api/safeguards/999999", new { title = "x" }, "\"1\"")),
        new("DELETE /api/safeguards/{id:int}", "401 403 404 404 404 404", _ => new HttpRequestMessage(HttpMethod.Delete, "/api/safeguards/999999")),
        new("PAGE /borgen/{areaCode?}", "200 200 200 200 200 200", _ => Get("/borgen/WK040001")),
        // Werkagenda (issue 8): signed-in accounts read the cases they may see and place sliders; writers of the owning
        // organisation and coordinators change them. The fixture case belongs to the municipality, visible to its own organisation.
        new("GET /api/cases", "401 200 200 200 200 200", _ => Get("/api/cases")),
        new("POST /api/cases", "401 403 201 201 201 201", s => Json(HttpMethod.Post, "/api/cases", new { title = "Casus " + s.Unique })),
        new("GET /api/cases/{id:int}", "401 200 200 404 200 200", _ => Get($"/api/cases/{werkagendaCase}")),
        new("PUT /api/cases/{id:int}", "401 404 404 404 404 404", _ => Json(HttpMethod.Put, "/api/cases/999999", new { title = "x" }, "\"1\"")),
        new("POST /api/cases/{id:int}/rounds", "401 403 201 404 201 201", _ => Json(HttpMethod.Post, $"/api/cases/{werkagendaCase}/rounds", new { name = "Ronde" })),
        new("GET /api/selfscan/{roundId:int}", "401 200 200 404 200 200", _ => Get($"/api/selfscan/{werkagendaRound}")),
        new("PUT /api/selfscan/{roundId:int}/answers", "401 200 200 404 200 200", _ => Json(HttpMethod.Put, $"/api/selfscan/{werkagendaRound}/answers",
            new { answers = new[] { new { slider = "communicatie", now = 3, intended = 7, reason = "Matrix" } } })),
        new("GET /api/cases/{id:int}/actions", "401 200 200 404 200 200", _ => Get($"/api/cases/{werkagendaCase}/actions")),
        new("GET /api/cases/{id:int}/actions.csv", "401 200 200 404 200 200", _ => Get($"/api/cases/{werkagendaCase}/actions.csv")),
        new("POST /api/cases/{id:int}/actions", "401 403 201 404 201 201", _ => Json(HttpMethod.Post, $"/api/cases/{werkagendaCase}/actions",
            new { what = "Actie", owner = "Wijkteam", deadline = "2030-01-01", measurableResult = "Gedaan" })),
        new("GET /api/actions/{id:int}", "401 200 200 404 200 200", _ => Get($"/api/actions/{werkagendaAction}")),
        new("PUT /api/actions/{id:int}", "401 404 404 404 404 404", _ => Json(HttpMethod.Put, "/api/actions/999999",
            new { what = "Actie", owner = "Wijkteam", deadline = "2030-01-01", measurableResult = "Gedaan" }, "\"1\"")),
        new("POST /api/actions/{id:int}/notes", "401 403 200 404 200 200", _ => Json(HttpMethod.Post, $"/api/actions/{werkagendaAction}/notes", new { text = "Voortgang" })),
        new("PAGE /werkagenda", "302 200 200 200 200 200", _ => Get("/werkagenda")),
        new("PAGE /werkagenda/{id:int}", "302 200 200 404 200 200", _ => Get($"/werkagenda/{werkagendaCase}")),
        new("PAGE /werkagenda/{id:int}/afdrukken", "302 200 200 404 200 200", _ => Get($"/werkagenda/{werkagendaCase}/afdrukken")),
        new("PAGE /zelfscan/{roundId:int}", "302 200 200 404 200 200", _ => Get($"/zelfscan/{werkagendaRound}")),
        // Koppelkansen (issue 8): reading follows the items' visibility; writers link, coordinators add drivers.
        new("GET /api/policy-drivers", "200 200 200 200 200 200", _ => Get("/api/policy-drivers")),
        new("POST /api/policy-drivers", "401 403 403 403 201 201", s => Json(HttpMethod.Post, "/api/policy-drivers", new { name = "Prioriteit " + s.Unique })),
        new("GET /api/link-opportunities", "200 200 200 200 200 200", _ => Get("/api/link-opportunities")),
        new("POST /api/link-opportunities", "401 403 201 400 201 201", s => Json(HttpMethod.Post, "/api/link-opportunities",
            new { itemId = s.ItemId, drivers = new[] { "veilige-wijk" }, message = "Samen sterker." })),
        new("GET /api/link-opportunities.geojson", "200 200 200 200 200 200", _ => Get("/api/link-opportunities.geojson")),
        new("GET /api/link-opportunities/neighbourhoods", "200 200 200 200 200 200", _ => Get("/api/link-opportunities/neighbourhoods")),
        new("GET /api/link-opportunities/suggestions", "200 200 200 200 200 200", _ => Get("/api/link-opportunities/suggestions")),
        new("PAGE /koppelkansen", "200 200 200 200 200 200", _ => Get("/koppelkansen")),
        // Meetings inventory (issue 8): signed-in accounts read; writers add; the owning organisation and coordinators remove.
        new("GET /api/meetings/", "401 200 200 200 200 200", _ => Get("/api/meetings/")),
        new("POST /api/meetings/", "401 403 201 201 201 201", s => Json(HttpMethod.Post, "/api/meetings/",
            new { name = "Overleg " + s.Unique, hoursPerMonth = 2, participants = new[] { new { name = "Ans", organisation = "Wijkteam" } } })),
        new("DELETE /api/meetings/{id:int}", "401 404 404 404 404 404", _ => new HttpRequestMessage(HttpMethod.Delete, "/api/meetings/999999")),
        new("GET /api/meetings/totals", "401 200 200 200 200 200", _ => Get("/api/meetings/totals")),
        new("PAGE /overleggen", "302 200 200 200 200 200", _ => Get("/overleggen")),
        // Network — who's who, competence game, network view and strengths (issue 8): signed-in partners; writers add
        // people; a case's competences are set by those who may change the case; /krachten follows the items' visibility.
        new("GET /api/network/people", "401 200 200 200 200 200", _ => Get("/api/network/people")),
        new("GET /api/network/people/{id:int}", "401 404 404 404 404 404", _ => Get("/api/network/people/999999")),
        new("POST /api/network/people", "401 403 201 201 201 201", s => Json(HttpMethod.Post, "/api/network/people",
            new { name = "Matrix " + s.Unique, role = "Wijkagent", areas = new[] { "WK040001" } })),
        new("PUT /api/network/people/{id:int}", "401 404 404 404 404 404", _ => Json(HttpMethod.Put, "/api/network/people/999999",
            new { name = "Matrix", areas = new[] { "WK040001" } }, "\"1\"")),
        new("DELETE /api/network/people/{id:int}", "401 404 404 404 404 404", _ => new HttpRequestMessage(HttpMethod.Delete, "/api/network/people/999999")),
        new("GET /api/network/best-person-types", "401 200 200 200 200 200", _ => Get("/api/network/best-person-types")),
        new("GET /api/network/graph", "401 200 200 200 200 200", _ => Get("/api/network/graph?area=WK040001")),
        new("GET /api/competences/", "401 200 200 200 200 200", _ => Get("/api/competences/")),
        new("GET /api/competences/mine", "401 200 200 200 200 200", _ => Get("/api/competences/mine")),
        new("PUT /api/competences/mine", "401 200 200 200 200 200", _ => Json(HttpMethod.Put, "/api/competences/mine", new { codes = new[] { "verbinden" } })),
        new("GET /api/competences/team", "401 200 200 404 200 200", _ => Get($"/api/competences/team?case={werkagendaCase}")),
        new("GET /api/competences/cases/{id:int}", "401 200 200 404 200 200", _ => Get($"/api/competences/cases/{werkagendaCase}")),
        new("PUT /api/competences/cases/{id:int}", "401 403 200 404 200 200", _ => Json(HttpMethod.Put, $"/api/competences/cases/{werkagendaCase}", new { codes = new[] { "lef" } })),
        new("PAGE /netwerk", "302 200 200 200 200 200", _ => Get("/netwerk")),
        new("PAGE /netwerk/nieuw", "302 302 200 200 200 200", _ => Get("/netwerk/nieuw")),
        new("PAGE /netwerk/{id:int}", "302 404 404 404 404 404", _ => Get("/netwerk/999999")),
        new("PAGE /netwerk/kaart", "302 200 200 200 200 200", _ => Get("/netwerk/kaart")),
        new("PAGE /competenties", "302 200 200 200 200 200", _ => Get("/competenties")),
        new("PAGE /krachten", "200 200 200 200 200 200", _ => Get("/krachten?area=WK040001")),
        // Self-scan parts (issue 8): building blocks and social innovation follow the case (writers of its organisation
        // and coordinators score); conversation cards are read and drawn by every account, edited by coordinators;
        // a meeting is changed by its organisation's writers and coordinators (a stale or unknown version here).
        new("GET /api/cases/{id:int}/building-blocks", "401 200 200 404 200 200", _ => Get($"/api/cases/{werkagendaCase}/building-blocks")),
        new("PUT /api/cases/{id:int}/building-blocks", "401 403 409 404 409 409", _ => Json(HttpMethod.Put, $"/api/cases/{werkagendaCase}/building-blocks",
            new { blocks = new[] { new { code = "vertrouwen", score = "deels" } } }, "\"999\"")),
        new("GET /api/cases/{id:int}/social-innovation", "401 200 200 404 200 200", _ => Get($"/api/cases/{werkagendaCase}/social-innovation")),
        new("PUT /api/cases/{id:int}/social-innovation", "401 403 409 404 409 409", _ => Json(HttpMethod.Put, $"/api/cases/{werkagendaCase}/social-innovation",
            new { dimensions = new[] { new { code = "nieuwe-kennis", stage = "op-weg" } } }, "\"999\"")),
        new("GET /api/conversation-cards/", "401 200 200 200 200 200", _ => Get("/api/conversation-cards")),
        new("GET /api/conversation-cards/draw", "401 200 200 200 200 200", _ => Get("/api/conversation-cards/draw")),
        new("GET /api/conversation-cards/{id:int}", "401 200 200 200 200 200", _ => Get("/api/conversation-cards/101")),
        new("POST /api/conversation-cards/", "401 403 403 403 201 201", s => Json(HttpMethod.Post, "/api/conversation-cards", new { text = "Vraag " + s.Unique })),
        new("PUT /api/conversation-cards/{id:int}", "401 403 403 403 409 409", _ => Json(HttpMethod.Put, "/api/conversation-cards/101", new { text = "Vraag" }, "\"999\"")),
        new("GET /api/meetings/{id:int}", "401 404 404 404 404 404", _ => Get("/api/meetings/999999")),
        new("PUT /api/meetings/{id:int}", "401 404 404 404 404 404", _ => Json(HttpMethod.Put, "/api/meetings/999999",
            new { name = "Overleg", hoursPerMonth = 2, participants = new[] { new { name = "Ans", organisation = "Wijkteam" } } }, "\"1\"")),
        new("PAGE /werkagenda/{id:int}/bouwstenen", "302 200 200 404 200 200", _ => Get($"/werkagenda/{werkagendaCase}/bouwstenen")),
        new("PAGE /werkagenda/{id:int}/sociale-innovatie", "302 200 200 404 200 200", _ => Get($"/werkagenda/{werkagendaCase}/sociale-innovatie")),
        new("PAGE /gesprekskaarten", "302 200 200 200 200 200", _ => Get("/gesprekskaarten")),
        new("PAGE /overleggen/{id:int}/wijzigen", "302 404 404 404 404 404", _ => Get("/overleggen/999999/wijzigen")),
        // Infrastructure
        new("* /hubs/updates/negotiate", "200 200 200 200 200 200", _ => new HttpRequestMessage(HttpMethod.Post, "/hubs/updates/negotiate?negotiateVersion=1")),
        new("* /hubs/updates", "400 400 400 400 400 400", _ => Get("/hubs/updates")),
        new("* /health", "200 200 200 200 200 200", _ => Get("/health")),
        new("GET /openapi/{documentName}.json", "200 200 200 200 200 200", _ => Get("/openapi/v1.json")),
        new("GET /{**path:file}", "404 404 404 404 404 404", _ => Get("/bestaat-niet.txt")),
        new("GET /api/docs/scalar.js", "200 200 200 200 200 200", _ => Get("/api/docs/scalar.js")),
        new("GET /api/docs/scalar.aspnetcore.js", "200 200 200 200 200 200", _ => Get("/api/docs/scalar.aspnetcore.js")),
        new("GET /api/docs/favicon.svg", "200 200 200 200 200 200", _ => Get("/api/docs/favicon.svg")),
        new("GET /api/docs/{documentName?}", "200 200 200 200 200 200", _ => Get("/api/docs/")),
        // Werksessies (issue 6): coordinators plan and facilitate; participants are known by their session cookie (none here), so
        // every other role is refused the participant endpoints too. Ids 999999 do not exist: an authorised role gets 404.
        new("GET /api/sessions/", "401 403 403 403 200 200", _ => Get("/api/sessions/")),
        new("POST /api/sessions/", "401 403 403 403 201 201", s => Json(HttpMethod.Post, "/api/sessions/", new { title = "Sessie " + s.Unique, what = "Een kaart" })),
        new("GET /api/sessions/{id:int}", "403 403 403 403 200 200", _ => Get($"/api/sessions/{fixtureSession}")),
        new("GET /api/sessions/{id:int}/prompt", "401 403 403 403 200 200", _ => Get($"/api/sessions/{fixtureSession}/prompt")),
        new("GET /api/sessions/{id:int}/qr.svg", "401 403 403 403 200 200", _ => Get($"/api/sessions/{fixtureSession}/qr.svg")),
        new("GET /api/sessions/{id:int}/report.csv", "401 403 403 403 200 200", _ => Get($"/api/sessions/{fixtureSession}/report.csv")),
        new("POST /api/sessions/{id:int}/breakouts", "401 403 403 403 200 200", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/breakouts", new { count = 1 })),
        new("POST /api/sessions/{id:int}/breakouts/shuffle", "401 403 403 403 200 200", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/breakouts/shuffle", new { })),
        new("POST /api/sessions/{id:int}/close", "401 403 403 403 404 404", _ => Json(HttpMethod.Post, "/api/sessions/999999/close", new { })),
        new("POST /api/sessions/{id:int}/copy", "401 403 403 403 201 201", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/copy", new { })),
        new("POST /api/sessions/{id:int}/drafts", "403 403 403 403 201 201", s => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/drafts",
            new { kind = "kans", title = "Concept " + s.Unique, latitude = Places.Centrum.Latitude, longitude = Places.Centrum.Longitude, breakout = 1 })),
        new("PUT /api/sessions/{id:int}/drafts/{draft:int}", "403 403 403 403 404 404", _ => Json(HttpMethod.Put, $"/api/sessions/{fixtureSession}/drafts/999999",
            new { kind = "kans", title = "Concept", latitude = Places.Centrum.Latitude, longitude = Places.Centrum.Longitude }, "\"1\"")),
        new("POST /api/sessions/{id:int}/drafts/{draft:int}/merge", "401 403 403 403 404 404", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/drafts/999999/merge", new { intoDraftId = 999998 })),
        new("POST /api/sessions/{id:int}/evaluation", "403 403 403 403 403 403", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/evaluation", new { column = "plus", text = "Goed" })),
        new("POST /api/sessions/{id:int}/members", "401 403 403 403 404 404", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/members", new { participantId = 999999, breakout = 1 })),
        new("POST /api/sessions/{id:int}/parked", "403 403 403 403 201 201", s => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/parked", new { text = "Later " + s.Unique, breakout = 1 })),
        new("POST /api/sessions/{id:int}/parked/{topic:int}/outcome", "401 403 403 403 404 404", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/parked/999999/outcome", new { outcome = "vervolgpunt" })),
        new("POST /api/sessions/{id:int}/part", "401 403 403 403 400 400", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/part", new { partId = 999999 })),
        new("POST /api/sessions/{id:int}/pick", "403 403 403 403 403 403", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/pick", new { breakout = 1 })),
        new("POST /api/sessions/{id:int}/publish", "401 403 403 403 422 422", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/publish", new { draftIds = new[] { 999999 } })),
        new("POST /api/sessions/{id:int}/reactions", "403 403 403 403 403 403", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/reactions", new { text = "Herkenbaar" })),
        new("POST /api/sessions/{id:int}/reactions/{reaction:int}/pin", "401 403 403 403 404 404", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/reactions/999999/pin", new { pinned = true })),
        new("POST /api/sessions/{id:int}/timer", "401 403 403 403 200 200", _ => Json(HttpMethod.Post, $"/api/sessions/{fixtureSession}/timer", new { minutes = 0 })),
        new("POST /api/sessions/join", "404 404 404 404 404 404", _ => Json(HttpMethod.Post, "/api/sessions/join", new { code = "ZZZZZZ", displayName = "Bram" })),
        new("GET /api/prompt-cards/", "401 403 403 403 200 200", _ => Get("/api/prompt-cards/")),
        new("POST /api/prompt-cards/", "401 403 403 403 201 201", s => Json(HttpMethod.Post, "/api/prompt-cards/", new { text = "Vraag " + s.Unique })),
        new("PUT /api/prompt-cards/{card:int}", "401 403 403 403 200 200", _ => Json(HttpMethod.Put, "/api/prompt-cards/1", new { text = "Klopt wat er net is verteld met jouw ervaring? Wat ontbreekt er nog?", active = true })),
        new("* /hubs/sessions/negotiate", "200 200 200 200 200 200", _ => new HttpRequestMessage(HttpMethod.Post, "/hubs/sessions/negotiate?negotiateVersion=1")),
        new("* /hubs/sessions", "400 400 400 400 400 400", _ => Get("/hubs/sessions")),
        new("PAGE /doe-mee", "200 200 200 200 200 200", _ => Get("/doe-mee")),
        new("PAGE /sessies", "302 302 302 302 200 200", _ => Get("/sessies")),
        new("PAGE /sessies/kaarten", "302 302 302 302 200 200", _ => Get("/sessies/kaarten")),
        new("PAGE /sessies/{id:int}", "302 302 302 302 200 200", _ => Get($"/sessies/{fixtureSession}")),
        new("PAGE /sessies/{id:int}/breakout/{number:int}", "302 302 302 302 200 200", _ => Get($"/sessies/{fixtureSession}/breakout/1")),
        new("PAGE /sessies/{id:int}/deelnemer", "302 302 302 302 200 200", _ => Get($"/sessies/{fixtureSession}/deelnemer")),
        new("PAGE /sessies/{id:int}/plenair", "302 302 302 302 200 200", _ => Get($"/sessies/{fixtureSession}/plenair")),
        new("PAGE /sessies/{id:int}/verslag", "302 302 302 302 200 200", _ => Get($"/sessies/{fixtureSession}/verslag")),
        // Pages (a page answers every method; GET is what a person does first)
        new("PAGE /", "200 200 200 200 200 200", _ => Get("/")),
        new("PAGE /activiteit", "200 200 200 200 200 200", _ => Get("/activiteit")),
        new("PAGE /areas", "200 200 200 200 200 200", _ => Get("/areas")),
        new("PAGE /admin/areas/import", "302 302 302 302 200 200", _ => Get("/admin/areas/import")),
        new("PAGE /items/new", "302 302 200 200 200 200", _ => Get("/items/new")),
        new("PAGE /items/{id:int}", "404 200 200 404 200 200", s => Get($"/items/{s.ItemId}")),
        new("PAGE /items/{id:int}/edit", "302 302 200 404 200 200", s => Get($"/items/{s.ItemId}/edit")),
        new("PAGE /items/{id:int}/delete", "302 302 200 404 200 200", s => Get($"/items/{s.ItemId}/delete")),
        new("PAGE /inloggen", "200 200 200 200 200 200", _ => Get("/inloggen")),
        new("PAGE /inloggen/extern", "200 200 200 200 200 200", _ => Get("/inloggen/extern")),
        new("PAGE /wachtwoord-vergeten", "200 200 200 200 200 200", _ => Get("/wachtwoord-vergeten")),
        new("PAGE /wachtwoord-herstellen", "200 200 200 200 200 200", _ => Get("/wachtwoord-herstellen")),
        new("PAGE /uitloggen", "200 200 200 200 200 200", _ => Get("/uitloggen")),
        new("PAGE /uitnodiging/{token}", "404 404 404 404 404 404", _ => Get("/uitnodiging/bestaat-niet")),
        new("PAGE /account", "302 200 200 200 200 200", _ => Get("/account")),
        new("PAGE /meedoen", "200 200 200 200 200 200", _ => Get("/meedoen")),
        new("PAGE /moderatie", "302 302 302 302 200 200", _ => Get("/moderatie")),
        new("PAGE /beheer/organisaties", "302 302 302 302 200 200", _ => Get("/beheer/organisaties")),
        new("PAGE /beheer/themas", "302 302 302 302 200 200", _ => Get("/beheer/themas")),
        new("PAGE /beheer/logboek", "302 302 302 302 200 200", _ => Get("/beheer/logboek")),
        new("PAGE /fout/{status:int}", "404 404 404 404 404 404", _ => Get("/fout/404")),
    ];

    static int? fixtureOrganisation;
    static int werkagendaCase, werkagendaRound, werkagendaAction;

    /// <summary>A werksessie with one breakout, for the session rows.</summary>
    static int fixtureSession;

    public static TheoryData<string> Endpoints() => new(Rows.Select(r => r.Endpoint));

    [Fact]
    public void Every_endpoint_and_page_has_a_row()
    {
        var listed = Rows.Select(r => r.Endpoint).ToHashSet();
        var missing = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .SelectMany(Keys).Distinct().Where(key => !listed.Contains(key)).Order().ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in the authorization matrix:\n" + string.Join("\n", missing));
    }

    static IEnumerable<string> Keys(RouteEndpoint endpoint)
    {
        var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
        if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
            || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null)
        {
            return ["PAGE " + pattern];
        }
        var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods;
        // HEAD is answered like GET; a row for GET covers both.
        return methods is { Count: > 0 } ? methods.Where(m => m != "HEAD" || !methods.Contains("GET")).Select(m => $"{m} {pattern}") : [$"* {pattern}"];
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_gets_the_expected_status(string endpoint)
    {
        var row = Rows.Single(r => r.Endpoint == endpoint);
        var failures = new List<string>();
        foreach (var who in Enum.GetValues<Who>())
        {
            var subject = await fixture.NewSubjectAsync(withAccount: endpoint.Contains("/users/", StringComparison.Ordinal));
            var client = row.FreshClient ? await fixture.NewClientAsync(who) : await fixture.ClientAsync(who);
            using var response = await client.SendAsync(row.Request(subject), TestApps.Ct);
            var expected = row.Statuses[(int)who];
            if ((int)response.StatusCode != expected)
            {
                failures.Add($"{who}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestApps.Ct)}");
            }
        }
        Assert.True(failures.Count == 0, $"{endpoint}:\n" + string.Join("\n", failures));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        readonly Dictionary<Who, HttpClient> clients = [];
        HttpClient admin = null!;

        public WijkbeeldApp App { get; } = new();

        public async ValueTask InitializeAsync()
        {
            admin = await NewClientAsync(Who.Administrator);
            fixtureOrganisation = (await App.CreateAccountAsync(Roles.Reader)).OrganisationId;
            fixtureSession = await Sessions.SessionSupport.PlanWithBreakoutAsync(admin);
            // Werkagenda: one case of the municipality (own organisation only), with a round and an action.
            werkagendaCase = (await (await admin.PostAsJsonAsync("/api/cases", new { title = "Matrixcasus", visibility = "organisatie" }, TestApps.Ct))
                .ReadOkAsync<Wijkbeeld.Features.Werkagenda.CaseDto>(HttpStatusCode.Created)).Id;
            werkagendaRound = (await (await admin.PostAsJsonAsync($"/api/cases/{werkagendaCase}/rounds", new { name = "Ronde" }, TestApps.Ct))
                .ReadOkAsync<Wijkbeeld.Features.Werkagenda.RoundDto>(HttpStatusCode.Created)).Id;
            werkagendaAction = (await (await admin.PostAsJsonAsync($"/api/cases/{werkagendaCase}/actions",
                new { what = "Actie", owner = "Wijkteam", deadline = "2030-01-01", measurableResult = "Gedaan" }, TestApps.Ct))
                .ReadOkAsync<Wijkbeeld.Features.Werkagenda.ActionDto>(HttpStatusCode.Created)).Id;
        }

        public async Task<HttpClient> ClientAsync(Who who) => clients.TryGetValue(who, out var c) ? c : clients[who] = await NewClientAsync(who);

        public async Task<HttpClient> NewClientAsync(Who who)
        {
            var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var account = who switch
            {
                Who.Anonymous => null,
                Who.Reader => await App.CreateAccountAsync(Roles.Reader),
                Who.Owner => await App.CreateAccountAsync(Roles.Professional),
                Who.OtherOrganisation => await App.CreateAccountAsync(Roles.Professional, TestAccounts.Police),
                Who.Coordinator => await App.CreateAccountAsync(Roles.Coordinator),
                _ => await App.CreateAccountAsync(Roles.Administrator),
            };
            if (account is not null) await client.SignInAsync(account);
            return client;
        }

        public async Task<Subject> NewSubjectAsync(bool withAccount)
        {
            var unique = TestApps.UniqueTag();
            var item = await (await admin.PostItemAsync(NewItem.At(Places.Willemsoord, "Alleen gemeente " + unique) with { Visibility = "organisatie" }))
                .ReadOkAsync<ItemShape>(HttpStatusCode.Created);
            var contribution = await (await App.CreateClient().PostAsJsonAsync("/api/contributions", new
            {
                kind = "signaal", title = "Signaal " + unique, latitude = Places.Centrum.Latitude, longitude = Places.Centrum.Longitude,
            }, TestApps.Ct)).ReadOkAsync<ContributionReceiptShape>(HttpStatusCode.Accepted);
            var account = withAccount ? (await App.CreateAccountAsync(Roles.Reader)).Id : 0;
            return new Subject(item.Id, contribution.Id, account, unique);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in clients.Values) client.Dispose();
            admin.Dispose();
            await App.DisposeAsync();
        }
    }
}

public sealed record ContributionReceiptShape(int Id, string Message);
