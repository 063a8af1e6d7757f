using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Items;

public sealed class ItemsBadInputSqliteTests(SqliteApp app) : ItemsBadInputTests(app), IClassFixture<SqliteApp>;

public sealed class ItemsBadInputPostgresTests : ItemsBadInputTests, IClassFixture<PostgresApp>
{
    public ItemsBadInputPostgresTests(PostgresApp app) : base(app) => PostgresGate.Require();
}

/// <summary>
/// Whatever a client sends, the answer is a 4xx problem (never a 500) with a Dutch title, and nothing is stored.
/// </summary>
public abstract class ItemsBadInputTests(SharedApp shared) : AppTests(shared)
{
    /// <summary>A valid item as JSON with one property replaced by raw JSON.</summary>
    static string ValidItemWith(string property, string rawJson)
    {
        var item = JsonSerializer.SerializeToNode(new NewItem(), JsonSerializerOptions.Web)!.AsObject();
        item[property] = JsonNode.Parse(rawJson);
        return item.ToJsonString();
    }

    static string Json(object value) => JsonSerializer.Serialize(value);

    Task<HttpResponseMessage> PostRawAsync(string body, string mediaType = "application/json") =>
        App.AssertChangesNothingAsync(() => Client.PostAsync("/api/items", TestApps.Body(body, mediaType), Ct));

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "latitude", "91", "location" },
        { "latitude", "-90.5", "location" },
        { "longitude", "181", "location" },
        { "longitude", "-180.01", "location" },
        { "latitude", "null", "location" },
        { "longitude", "0", "location" },
        { "latitude", Json("NaN"), "location" },
        { "latitude", Json("Infinity"), "location" },
        { "longitude", Json("-Infinity"), "location" },
        { "latitude", "1e400", "location" },
        { "kind", Json("fiets"), "kind" },
        { "kind", "null", "kind" },
        { "status", Json("actief"), "status" },
        { "status", Json("onzin"), "status" },
        { "themes", Json(new[] { "jeugd", "onbekend-thema" }), "themes" },
        { "themes", Json(new[] { "veiligheid", "zorg-welzijn", "jeugd", "ouderen", "wonen", "armoede-schulden", "ontmoeting", "groen-openbare-ruimte", "werk-inkomen", "gezondheid", "onderwijs" }), "themes" },
        { "visibility", Json("geheim"), "visibility" },
        { "title", Json(""), "title" },
        { "title", Json("   \t "), "title" },
        { "title", "null", "title" },
        { "title", Json(new string('t', 121)), "title" },
        { "description", Json(new string('d', 4001)), "description" },
        { "ownerOrganisation", Json(new string('o', 201)), "ownerOrganisation" },
        { "relatedItemIds", Json(new[] { 999999 }), "relatedItemIds" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_a_validation_problem_naming_the_field(string property, string rawJson, string errorField)
    {
        var response = await PostRawAsync(ValidItemWith(property, rawJson));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.NotNull(problem.Errors);
        Assert.Equal([errorField], problem.Errors.Keys);
        Assert.All(problem.Errors[errorField], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public async Task A_place_outside_the_municipality_is_refused_with_a_Dutch_explanation()
    {
        var amsterdam = new NewItem { Latitude = Places.AmsterdamLatitude, Longitude = Places.AmsterdamLongitude };

        var response = await App.AssertChangesNothingAsync(() => Client.PostItemAsync(amsterdam));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Equal(["Deze plek ligt buiten de wijken en buurten van de gemeente. Kies een plek binnen de gemeente."], problem.Errors!["location"]);
    }

    [Fact]
    public async Task All_invalid_fields_are_reported_at_once()
    {
        var response = await App.AssertChangesNothingAsync(() => Client.PostItemAsync(
            new NewItem { Kind = "fiets", Title = "", Latitude = 91, Visibility = "geheim" }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Equal(["kind", "location", "title", "visibility"], problem.Errors!.Keys.Order());
    }

    [Theory]
    [InlineData("latitude", "\"52,95\"")]
    [InlineData("latitude", "\"abc\"")]
    [InlineData("latitude", "[52.9]")]
    [InlineData("themes", "\"jeugd\"")]
    [InlineData("title", "{}")]
    [InlineData("relatedItemIds", "[\"een\"]")]
    public async Task A_value_of_the_wrong_type_is_a_bad_request(string property, string rawJson)
    {
        var response = await PostRawAsync(ValidItemWith(property, rawJson));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.BadRequest);
    }

    [Theory]
    [InlineData("{\"kind\": \"kans\", \"title\": ")]
    [InlineData("{\"kind\": \"kans\",}")]
    [InlineData("niet eens json")]
    [InlineData("[]")]
    [InlineData("\"kans\"")]
    [InlineData("")]
    public async Task Malformed_JSON_is_a_bad_request(string body)
    {
        var response = await PostRawAsync(body);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.BadRequest);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_JSON_is_an_unsupported_media_type(string mediaType)
    {
        var response = await PostRawAsync(ValidItemWith("title", Json("Als tekst")), mediaType);
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, DutchTitles.UnsupportedType);
    }

    [Fact]
    public async Task A_body_over_256_KB_is_too_large()
    {
        // Kestrel enforces the request size limit; the in-memory TestServer does not. So this runs on a real server.
        using var kestrel = new WijkbeeldApp(Provider);
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var writer = await kestrel.CreateClientAsAsync(Roles.Administrator);
        var body = ValidItemWith("description", Json(new string('d', 300 * 1024)));
        Assert.True(Encoding.UTF8.GetByteCount(body) > 256 * 1024);

        var response = await kestrel.AssertChangesNothingAsync(() =>
            writer.PostAsync("/api/items", TestApps.Body(body, "application/json"), Ct));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, DutchTitles.TooLarge);
    }

    [Fact]
    public async Task A_refused_change_leaves_the_item_as_it_was()
    {
        var item = await Client.FindItemAsync("Bibliotheek op Willemsoord");
        var amsterdam = item.ToInput() with { Latitude = Places.AmsterdamLatitude, Longitude = Places.AmsterdamLongitude, Title = "Verhuisd" };

        var response = await App.AssertChangesNothingAsync(() => Client.PutItemAsync(item.Id, amsterdam, $"\"{item.Version}\""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Equal(["location"], problem.Errors!.Keys);
        Assert.Equivalent(item, await Client.FindItemAsync("Bibliotheek op Willemsoord"), strict: true);
    }

    public static TheoryData<string, string> InvalidQueries => new()
    {
        { "bbox=4.7,52.9,4.8", "bbox" },
        { "bbox=a,b,c,d", "bbox" },
        { "bbox=4.8,52.9,4.7,52.95", "bbox" },
        { "bbox=4.7,52.95,4.8,52.9", "bbox" },
        { "bbox=4.7,-95,4.8,52.9", "bbox" },
        { "bbox=-181,52.9,4.8,52.95", "bbox" },
        { "bbox=NaN,52.9,4.8,52.95", "bbox" },
        { "bbox=4.7,52.9,Infinity,52.95", "bbox" },
        { "area=BU99999999", "area" },
        { "area=Amsterdam", "area" },
        { "kind=fiets", "kind" },
        { "theme=onbekend-thema", "theme" },
        { "status=klaar", "status" },
        { "pageSize=0", "pageSize" },
        { "pageSize=501", "pageSize" },
        { "pageSize=-5", "pageSize" },
        { "pageSize=1.5", "pageSize" },
        { "page=abc", "page" },
        { "page=0", "page" },
        { "page=99999999999", "page" },
        { "q=" + new string('q', 201), "q" },
    };

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public async Task An_invalid_filter_is_a_validation_problem_naming_the_parameter(string query, string errorField)
    {
        var response = await App.AssertChangesNothingAsync(() => Client.GetAsync("/api/items?" + query, Ct));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Equal([errorField], problem.Errors!.Keys);
    }

    [Fact]
    public async Task Every_invalid_filter_parameter_is_reported_at_once()
    {
        var response = await Client.GetAsync("/api/items?bbox=x&area=BU99999999&pageSize=0&page=abc&kind=fiets", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, DutchTitles.Validation);
        Assert.Equal(["area", "bbox", "kind", "page", "pageSize"], problem.Errors!.Keys.Order());
        Assert.Equal(["Onbekende wijk of buurt: BU99999999."], problem.Errors["area"]);
    }
}
