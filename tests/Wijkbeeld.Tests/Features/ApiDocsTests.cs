using System.Text.Json;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features;

/// <summary>The OpenAPI description and the API reference page.</summary>
public sealed class ApiDocsTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        var response = await Client.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        (string Path, string[] Methods)[] expected =
        [
            ("/api/items", ["get", "post"]),
            ("/api/items/{id}", ["get", "put", "delete"]),
            ("/api/items/{id}/comments", ["post"]),
            ("/api/items.geojson", ["get"]),
            ("/api/items.csv", ["get"]),
            ("/api/items/import", ["post"]),
            ("/api/areas", ["get"]),
            ("/api/areas/{code}", ["get"]),
            ("/api/areas/boundaries.geojson", ["get"]),
            ("/api/areas/import", ["post"]),
        ];
        foreach (var (path, methods) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var operations), $"{path} is described.");
            Assert.All(methods, m => Assert.True(operations.TryGetProperty(m, out _), $"{m.ToUpperInvariant()} {path} is described."));
        }
        var list = paths.GetProperty("/api/items").GetProperty("get");
        // Query names bind case-insensitively; the document spells them as the C# properties (Bbox, PageSize).
        var parameters = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!.ToLowerInvariant()).ToHashSet();
        Assert.Superset(new HashSet<string> { "bbox", "kind", "theme", "status", "area", "q", "page", "pagesize" }, parameters);
    }

    [Fact]
    public async Task The_API_reference_page_responds()
    {
        var response = await Client.GetAsync("/api/docs", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Wijkbeeld API", await response.Content.ReadAsStringAsync(Ct));
    }
}
