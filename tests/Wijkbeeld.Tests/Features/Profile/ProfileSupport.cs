using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Profile;

// The Wijkprofiel JSON as a client sees it (not the app's own types: a renamed field must break these tests).

public sealed record IndicatorShape(string Key, string Label, string? Unit, string? Description, bool? HigherIsBetter,
    string? Source, string Origin, bool Featured, int Decimals, IReadOnlyList<int> Years, int Version);

public sealed record YearValueShape(int Year, double Value);

public sealed record AreaFigureShape(IndicatorShape Indicator, int Year, double? Value, double? Municipality, double? Netherlands,
    IReadOnlyList<YearValueShape> Trend);

public sealed record AreaFiguresShape(string Code, string Name, string Level, string? MunicipalityCode, string? MunicipalityName,
    int? Year, IReadOnlyList<AreaFigureShape> Figures);

public sealed record AreaValueShape(string Code, string Name, string? ParentCode, double? Value, int? Class, string? Color);

public sealed record ChoroplethShape(IndicatorShape Indicator, int? Year, string Level, string Method,
    IReadOnlyList<double> Breaks, IReadOnlyList<string> Colors, IReadOnlyList<AreaValueShape> Areas);

public sealed record SkipShape(string Reason, int Count, IReadOnlyList<string> Examples);

public sealed record ReportShape(string Format, string? Table, IReadOnlyList<int> Years, int RowsRead, int ValuesStored, int ValuesChanged,
    int ValuesUnchanged, int ValuesMissing, int IndicatorsCreated, IReadOnlyList<SkipShape> Skipped)
{
    public int SkippedFor(string reason) => Skipped.FirstOrDefault(s => s.Reason == reason)?.Count ?? 0;
}

public sealed record ImportStatusShape(Guid Id, string FileName, string State, int Percent, int Done, int Total, ReportShape? Report, string? Error);

public sealed record ImportProblemShape(string? Title, int? Status, string? Detail, IReadOnlyList<string>? Reasons,
    Dictionary<string, string[]>? Errors, IndicatorShape? Current);

/// <summary>Fixture files (TestData/Profile, written by Features/Profile/generate-sample-figures.py) and the app's sample files.</summary>
public static class ProfileFiles
{
    /// <summary>2023 table 85618NED as StatLine CSV: GemiddeldInkomenPerInwoner_78.</summary>
    public const string Csv2023 = "85618NED-den-helder-2023.csv";

    /// <summary>2024 table 85984NED as StatLine CSV: GemiddeldInkomenPerInwoner_83.</summary>
    public const string Csv2024 = "85984NED-den-helder-2024.csv";

    public const string Own = "eigen-indicatoren-den-helder.csv";
    public const string Json2025 = "86165NED-TypedDataSet.json";
    public const string Properties2025 = "86165NED-DataProperties.json";

    /// <summary>A made-up sample file as the app embeds it.</summary>
    public static byte[] Sample(string name)
    {
        using var stream = typeof(Wijkbeeld.Features.Profile.ProfileSampleData).Assembly
            .GetManifestResourceStream("Wijkbeeld.Features.Profile.SampleData." + name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string SampleText(string name) => Encoding.UTF8.GetString(Sample(name));

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Profile", name);

    public static byte[] Fixture(string name) => File.ReadAllBytes(FixturePath(name));

    /// <summary>Writes a sample file to a temporary path (for a browser's file input).</summary>
    public static string SampleOnDisk(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "wijkbeeld-" + Guid.NewGuid().ToString("N")[..8] + "-" + name);
        File.WriteAllBytes(path, Sample(name));
        return path;
    }
}

public static class ProfileApi
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static MultipartFormDataContent Form(byte[] file, string fileName, byte[]? dataProperties = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/csv");
        form.Add(content, "file", fileName);
        if (dataProperties is not null)
        {
            var properties = new ByteArrayContent(dataProperties);
            properties.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(properties, "dataProperties", "DataProperties.json");
        }
        return form;
    }

    /// <summary>Posts an import, expects 202, and waits for the background job to end; returns its final status.</summary>
    public static async Task<ImportStatusShape> ImportAsync(this HttpClient client, string path, HttpContent content)
    {
        var response = await client.PostAsync(path, content, Ct);
        var accepted = await response.ReadOkAsync<ImportStatusShape>(HttpStatusCode.Accepted);
        Assert.Equal($"/api/indicators/imports/{accepted.Id}", response.Headers.Location?.OriginalString);
        return await client.WaitForImportAsync(accepted.Id);
    }

    public static async Task<ImportStatusShape> WaitForImportAsync(this HttpClient client, Guid id)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetFromJsonAsync<ImportStatusShape>($"/api/indicators/imports/{id}", JsonSerializerOptions.Web, Ct);
            if (status!.State != "bezig")
            {
                return status;
            }
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("The import did not finish in 30 s.");
    }

    public static async Task<ImportProblemShape> AssertImportProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string title)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ImportProblemShape>(body, JsonSerializerOptions.Web)!;
        Assert.Equal(title, problem.Title);
        return problem;
    }

    public static Task<int> ValueCountAsync(this WijkbeeldApp app) =>
        app.WithDbAsync(db => db.IndicatorValues.CountAsync(Ct));

    public static Task<int> IndicatorCountAsync(this WijkbeeldApp app) =>
        app.WithDbAsync(db => db.Indicators.CountAsync(Ct));

    public static async Task<AreaFigureShape?> FigureAsync(this HttpClient client, string code, string key, int? year = null)
    {
        var figures = await client.GetFromJsonAsync<AreaFiguresShape>(
            $"/api/areas/{code}/indicators" + (year is { } y ? $"?year={y}" : ""), JsonSerializerOptions.Web, Ct);
        return figures!.Figures.FirstOrDefault(f => f.Indicator.Key == key);
    }

    /// <summary>The value of one column for one area code in a CBS CSV (by the column's key, ignoring its number).</summary>
    public static double? CsvValue(string csv, string code, string key)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';').Select(h => h.Trim().Trim('"')).ToList();
        var column = header.FindIndex(h => System.Text.RegularExpressions.Regex.Replace(h, @"_\d+$", "") == key);
        var row = lines.Skip(1).Select(l => l.Split(';').Select(c => c.Trim().Trim('"').Trim()).ToArray()).First(r => r[1] == code);
        var cell = row[column];
        return cell == "." ? null : double.Parse(cell.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);
    }
}
