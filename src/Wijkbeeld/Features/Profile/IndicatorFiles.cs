using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Wijkbeeld.Features.Profile;

public sealed record IndicatorMeta(string Key, string Label, string? Unit, string? Description, bool? HigherIsBetter,
    IndicatorOrigin Origin, bool Featured, int Decimals, string? Source);

public sealed record ParsedValue(string Key, string AreaCode, int Year, double Value);

/// <summary>Why rows or values were left out, with a few examples each.</summary>
public sealed record SkipGroup(string Reason, int Count, IReadOnlyList<string> Examples);

/// <summary>A file read and checked, not yet stored.</summary>
public sealed class ParsedImport
{
    public required string Format { get; init; }
    public string? Table { get; init; }
    public IReadOnlyList<int> Years { get; set; } = [];
    public List<IndicatorMeta> Indicators { get; } = [];
    public List<ParsedValue> Values { get; } = [];
    public int RowsRead { get; set; }
    public int Missing { get; set; }
    public SkipCounter Skips { get; } = new();
}

public sealed class SkipCounter
{
    public const string UnknownArea = "Onbekende gebiedscode";
    public const string NotANumber = "Geen getal";
    public const string Duplicate = "Dubbel";
    public const string NoCode = "Gebiedscode ontbreekt";
    public const string BadYear = "Jaar klopt niet";
    public const string NoIndicator = "Indicator ontbreekt";
    public const string TooLong = "Tekst te lang";

    readonly Dictionary<string, (int Count, List<string> Examples)> groups = [];

    public void Add(string reason, string example)
    {
        if (!groups.TryGetValue(reason, out var group))
        {
            group = (0, []);
        }
        if (group.Examples.Count < 5)
        {
            group.Examples.Add(example);
        }
        groups[reason] = (group.Count + 1, group.Examples);
    }

    public int Count(string reason) => groups.TryGetValue(reason, out var g) ? g.Count : 0;

    public IReadOnlyList<SkipGroup> Groups => groups.Select(g => new SkipGroup(g.Key, g.Value.Count, g.Value.Examples)).ToList();
}

/// <summary>The file cannot be imported at all; nothing was stored. Messages are Dutch, for the person who uploaded it.</summary>
public sealed class IndicatorImportException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IndicatorImportException(string problem) : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads CBS "Kerncijfers wijken en buurten" (OData TypedDataSet JSON or the ';'-separated CSV with decimal comma) and
/// the team's own indicator CSV. Columns are matched by key (the CBS column name without its yearly number), never by
/// position; codes are trimmed; '.', empty and null are "geen gegevens", never zero.
/// </summary>
public static class IndicatorFiles
{
    public const int MinYear = 1995;
    static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    sealed record Column(int Index, string Name, IndicatorMeta Meta);

    sealed record PropertyInfo(string Title, string? Unit, string? Description, bool IsText, int Decimals);

    public static async Task<ParsedImport> ReadCbsAsync(Stream data, string? fileName, int? year, Stream? dataProperties,
        IReadOnlySet<string> knownCodes, int maxYear, CancellationToken ct)
    {
        var properties = dataProperties is null ? null : await ReadDataPropertiesAsync(dataProperties, ct);
        var buffered = data;
        if (!buffered.CanSeek)
        {
            // Uploads are buffered by ASP.NET Core already; other streams are read into memory to look at their start.
            buffered = new MemoryStream();
            await data.CopyToAsync(buffered, ct);
            buffered.Position = 0;
        }
        var first = PeekFirstNonSpace(buffered);
        if (first is '{' or '[')
        {
            return await ReadCbsJsonAsync(buffered, fileName, year, properties, knownCodes, maxYear, ct);
        }
        return ReadCbsCsv(buffered, fileName, year, properties, knownCodes, maxYear, ct);
    }

    static int PeekFirstNonSpace(Stream stream)
    {
        // Looks at the first bytes (after a BOM and spaces) and rewinds.
        var start = stream.Position;
        Span<byte> head = stackalloc byte[64];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        foreach (var b in head[..read])
        {
            if (b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }
            return b;
        }
        return -1;
    }

    static int ResolveYear(int? given, string? table, int maxYear)
    {
        int? tableYear = table is not null && CbsCatalog.TableYears.TryGetValue(table, out var y) ? y : null;
        if (given is { } g && tableYear is { } t && g != t)
        {
            throw new IndicatorImportException($"Dit bestand is CBS-tabel {table} met cijfers over {t}, maar u koos het jaar {g}. Kies {t} of kies het bestand van {g}.");
        }
        var year = given ?? tableYear ?? throw new IndicatorImportException("Kies het jaar van de cijfers. Het jaar staat niet in het bestand.");
        if (year < MinYear || year > maxYear)
        {
            throw new IndicatorImportException($"Het jaar {year} kan niet. Kies een jaar van {MinYear} tot en met {maxYear}.");
        }
        return year;
    }

    static async Task<Dictionary<string, PropertyInfo>> ReadDataPropertiesAsync(Stream stream, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("value", out var value) ||
                value.ValueKind != JsonValueKind.Array)
            {
                throw new IndicatorImportException("Het bestand met DataProperties is niet in de vorm van CBS (een lijst 'value' met onderwerpen).");
            }
            var result = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in value.EnumerateArray())
            {
                if (p.ValueKind != JsonValueKind.Object || Str(p, "Key") is not { Length: > 0 } key)
                {
                    continue;
                }
                var type = Str(p, "Type");
                var datatype = Str(p, "Datatype");
                var isText = type is not "Topic" || datatype is "String" or null;
                var decimals = p.TryGetProperty("Decimals", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt32() : 0;
                result[key] = new PropertyInfo(Str(p, "Title") ?? key, Str(p, "Unit"), Str(p, "Description"), isText, decimals);
            }
            return result;
        }
        catch (JsonException e)
        {
            throw new IndicatorImportException($"Het bestand met DataProperties is geen geldige JSON ({e.Message}).");
        }
    }

    static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()?.Trim() : null;

    static IndicatorMeta MetaFor(string column, Dictionary<string, PropertyInfo>? properties)
    {
        var key = CbsCatalog.KeyOf(column);
        var known = CbsCatalog.Find(key);
        PropertyInfo? p = null;
        properties?.TryGetValue(column, out p);
        return new IndicatorMeta(key, known?.Label ?? p?.Title ?? key, known?.Unit ?? NullIfEmpty(p?.Unit), NullIfEmpty(p?.Description),
            known?.HigherIsBetter, IndicatorOrigin.Cbs, known is not null, known?.Decimals ?? p?.Decimals ?? 0, "CBS Kerncijfers wijken en buurten");
    }

    static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static bool IsTextColumn(string column, Dictionary<string, PropertyInfo>? properties) =>
        properties is not null && properties.TryGetValue(column, out var p) ? p.IsText : CbsCatalog.TextKeys.Contains(CbsCatalog.KeyOf(column));

    /// <summary>'.', empty: no data (null). "2,05" (Dutch) or "2.05" (OData): a number. Anything else: not a number.</summary>
    public static bool TryParseNumber(string raw, out double? value)
    {
        var text = raw.Trim();
        value = null;
        if (text is "" or "." or "-" or "x" or "?")
        {
            return true;
        }
        var culture = text.Contains(',') ? Dutch : CultureInfo.InvariantCulture;
        if (double.TryParse(text, NumberStyle, culture, out var number) && double.IsFinite(number))
        {
            value = number;
            return true;
        }
        return false;
    }

    static ParsedImport ReadCbsCsv(Stream stream, string? fileName, int? givenYear, Dictionary<string, PropertyInfo>? properties,
        IReadOnlySet<string> knownCodes, int maxYear, CancellationToken ct)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";", BadDataFound = null, MissingFieldFound = null, DetectDelimiter = false, TrimOptions = TrimOptions.None,
        });
        if (!parser.Read())
        {
            throw new IndicatorImportException("Het bestand is leeg.");
        }
        var header = parser.Record!.Select(h => h.Trim()).ToArray();
        CheckSeparator(header, "WijkenEnBuurten");
        var codeIndex = Array.FindIndex(header, h => h.Equals("WijkenEnBuurten", StringComparison.OrdinalIgnoreCase));
        if (codeIndex < 0)
        {
            throw NotCbs();
        }
        var table = CbsCatalog.FindTable(fileName);
        var year = ResolveYear(givenYear, table, maxYear);
        var columns = FigureColumns(header, properties);
        var result = new ParsedImport { Format = "CBS CSV", Table = table, Years = [year] };
        result.Indicators.AddRange(columns.Select(c => c.Meta));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (parser.Read())
        {
            ct.ThrowIfCancellationRequested();
            var record = parser.Record!;
            if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]))
            {
                continue;
            }
            result.RowsRead++;
            if (record.Length != header.Length)
            {
                throw new IndicatorImportException($"Regel {parser.Row} heeft {record.Length} kolommen in plaats van {header.Length}. Het bestand is kapot of ingekort; er is niets opgeslagen.");
            }
            var code = record[codeIndex].Trim().ToUpperInvariant();
            if (!AcceptRow(result, code, knownCodes, seen, $"regel {parser.Row}"))
            {
                continue;
            }
            foreach (var column in columns)
            {
                AddValue(result, column, code, year, record[column.Index]);
            }
        }
        return result;
    }

    static void CheckSeparator(string[] header, string expected)
    {
        if (header.Length == 1)
        {
            var only = header[0];
            var used = only.Contains('\t') ? "een tab" : only.Contains(',') ? "een komma (,)" : null;
            if (used is not null)
            {
                throw new IndicatorImportException($"Dit bestand gebruikt {used} als scheidingsteken. Wijkbeeld verwacht een puntkomma (;), zoals CBS en Excel in het Nederlands. Sla het bestand op met puntkomma's.");
            }
            if (!only.Contains(expected, StringComparison.OrdinalIgnoreCase))
            {
                throw NotCbs();
            }
        }
    }

    static IndicatorImportException NotCbs() => new(
        "Dit is geen bestand 'Kerncijfers wijken en buurten' van CBS: de kolom WijkenEnBuurten ontbreekt. Kies de CSV (met puntkomma's) of de JSON (TypedDataSet) van de tabel.");

    static List<Column> FigureColumns(string[] header, Dictionary<string, PropertyInfo>? properties)
    {
        var columns = new List<Column>();
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0 || IsTextColumn(header[i], properties))
            {
                continue;
            }
            var meta = MetaFor(header[i], properties);
            if (!keys.Add(meta.Key))
            {
                throw new IndicatorImportException($"De kolom {meta.Key} staat twee keer in het bestand.");
            }
            if (meta.Key.Length > IndicatorRules.KeyMaxLength)
            {
                throw new IndicatorImportException($"De kolomnaam {meta.Key[..40]}... is te lang.");
            }
            columns.Add(new Column(i, header[i], meta));
        }
        if (columns.Count == 0)
        {
            throw new IndicatorImportException("Het bestand heeft geen kolommen met cijfers.");
        }
        return columns;
    }

    static bool AcceptRow(ParsedImport result, string code, IReadOnlySet<string> knownCodes, HashSet<string> seen, string where)
    {
        if (code.Length == 0)
        {
            result.Skips.Add(SkipCounter.NoCode, where);
            return false;
        }
        if (!knownCodes.Contains(code))
        {
            result.Skips.Add(SkipCounter.UnknownArea, code);
            return false;
        }
        if (!seen.Add(code))
        {
            result.Skips.Add(SkipCounter.Duplicate, $"{code} ({where})");
            return false;
        }
        return true;
    }

    static void AddValue(ParsedImport result, Column column, string code, int year, string raw)
    {
        if (!TryParseNumber(raw, out var value))
        {
            result.Skips.Add(SkipCounter.NotANumber, $"{code} {column.Name}: '{Shorten(raw.Trim())}'");
        }
        else if (value is { } v)
        {
            result.Values.Add(new ParsedValue(column.Meta.Key, code, year, v));
        }
        else
        {
            result.Missing++;
        }
    }

    static string Shorten(string s) => s.Length <= 30 ? s : s[..30] + "…";

    static async Task<ParsedImport> ReadCbsJsonAsync(Stream stream, string? fileName, int? givenYear,
        Dictionary<string, PropertyInfo>? properties, IReadOnlySet<string> knownCodes, int maxYear, CancellationToken ct)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 16 }, ct);
        }
        catch (JsonException e)
        {
            throw new IndicatorImportException($"Dit is geen geldige JSON ({e.Message}). Er is niets opgeslagen.");
        }
        using var _ = doc;
        var root = doc.RootElement;
        var metadata = root.ValueKind == JsonValueKind.Object ? Str(root, "odata.metadata") : null;
        if (metadata?.EndsWith("DataProperties", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new IndicatorImportException("Dit is het bestand DataProperties (de beschrijving van de kolommen). Kies als gegevensbestand de TypedDataSet; DataProperties mag erbij als tweede bestand.");
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            throw new IndicatorImportException("Dit is geen TypedDataSet van CBS: verwacht een object met een lijst 'value'.");
        }
        var table = CbsCatalog.FindTable(metadata) ?? CbsCatalog.FindTable(fileName);
        var year = ResolveYear(givenYear, table, maxYear);
        var result = new ParsedImport { Format = "CBS OData JSON", Table = table, Years = [year] };
        Dictionary<string, Column>? columns = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var row in rows.EnumerateArray())
        {
            ct.ThrowIfCancellationRequested();
            number++;
            if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty("WijkenEnBuurten", out var codeJson) || codeJson.ValueKind != JsonValueKind.String)
            {
                throw new IndicatorImportException($"Rij {number} heeft geen WijkenEnBuurten (de gebiedscode). Dit is geen TypedDataSet van Kerncijfers wijken en buurten.");
            }
            if (columns is null)
            {
                var header = row.EnumerateObject().Select(p => p.Name).ToArray();
                columns = FigureColumns(header, properties).ToDictionary(c => c.Name, StringComparer.Ordinal);
                result.Indicators.AddRange(columns.Values.Select(c => c.Meta));
            }
            result.RowsRead++;
            var code = codeJson.GetString()!.Trim().ToUpperInvariant();
            if (!AcceptRow(result, code, knownCodes, seen, $"rij {number}"))
            {
                continue;
            }
            foreach (var property in row.EnumerateObject())
            {
                if (!columns.TryGetValue(property.Name, out var column))
                {
                    continue;
                }
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Null:
                        result.Missing++;
                        break;
                    case JsonValueKind.Number when property.Value.TryGetDouble(out var v) && double.IsFinite(v):
                        result.Values.Add(new ParsedValue(column.Meta.Key, code, year, v));
                        break;
                    case JsonValueKind.String:
                        AddValue(result, column, code, year, property.Value.GetString()!);
                        break;
                    default:
                        result.Skips.Add(SkipCounter.NotANumber, $"{code} {column.Name}: {Shorten(property.Value.GetRawText())}");
                        break;
                }
            }
        }
        if (columns is null)
        {
            throw new IndicatorImportException("Het bestand bevat geen rijen.");
        }
        return result;
    }

    static readonly string[][] OwnColumns =
    [
        ["gebiedscode", "code", "area", "areacode"], ["indicator"], ["jaar", "year"], ["waarde", "value"], ["eenheid", "unit"], ["bron", "source"],
    ];

    /// <summary>Own indicators: gebiedscode;indicator;jaar;waarde;eenheid;bron (';', decimal comma allowed).</summary>
    public static ParsedImport ReadOwnCsv(Stream stream, IReadOnlySet<string> knownCodes, int maxYear, CancellationToken ct)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";", BadDataFound = null, MissingFieldFound = null, DetectDelimiter = false,
        });
        if (!parser.Read())
        {
            throw new IndicatorImportException("Het bestand is leeg.");
        }
        var header = parser.Record!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        CheckSeparator(header, "indicator");
        var index = OwnColumns.Select(names => Array.FindIndex(header, h => names.Contains(h))).ToArray();
        if (index.Take(4).Any(i => i < 0))
        {
            throw new IndicatorImportException("De eerste regel moet de kolommen noemen: gebiedscode;indicator;jaar;waarde;eenheid;bron (eenheid en bron mogen leeg blijven).");
        }
        var result = new ParsedImport { Format = "Eigen indicatoren CSV" };
        var metas = new Dictionary<string, IndicatorMeta>(StringComparer.Ordinal);
        var decimals = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string, int)>();
        var years = new SortedSet<int>();
        string Cell(string[] r, int i) => i >= 0 && i < r.Length ? r[i].Trim() : "";
        while (parser.Read())
        {
            ct.ThrowIfCancellationRequested();
            var r = parser.Record!;
            if (r.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            result.RowsRead++;
            var where = $"regel {parser.Row}";
            var code = Cell(r, index[0]).ToUpperInvariant();
            var name = Cell(r, index[1]);
            if (code.Length == 0)
            {
                result.Skips.Add(SkipCounter.NoCode, where);
                continue;
            }
            if (!knownCodes.Contains(code))
            {
                result.Skips.Add(SkipCounter.UnknownArea, $"{code} ({where})");
                continue;
            }
            if (name.Length == 0)
            {
                result.Skips.Add(SkipCounter.NoIndicator, where);
                continue;
            }
            var unit = Cell(r, index[4]);
            var source = Cell(r, index[5]);
            if (name.Length > IndicatorRules.LabelMaxLength || unit.Length > IndicatorRules.UnitMaxLength || source.Length > IndicatorRules.SourceMaxLength)
            {
                result.Skips.Add(SkipCounter.TooLong, where);
                continue;
            }
            if (!int.TryParse(Cell(r, index[2]), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < MinYear || year > maxYear)
            {
                result.Skips.Add(SkipCounter.BadYear, $"{where}: '{Shorten(Cell(r, index[2]))}'");
                continue;
            }
            if (!TryParseNumber(Cell(r, index[3]), out var value))
            {
                result.Skips.Add(SkipCounter.NotANumber, $"{where}: '{Shorten(Cell(r, index[3]))}'");
                continue;
            }
            var key = OwnKey(name);
            if (!seen.Add((key, code, year)))
            {
                result.Skips.Add(SkipCounter.Duplicate, $"{code} {name} {year} ({where})");
                continue;
            }
            if (!metas.ContainsKey(key))
            {
                metas[key] = new IndicatorMeta(key, name, NullIfEmpty(unit), null, null, IndicatorOrigin.Own, true, 1, NullIfEmpty(source));
            }
            if (value is { } v)
            {
                result.Values.Add(new ParsedValue(key, code, year, v));
                years.Add(year);
                // Show as many decimals as the file gives (12,5 → 1; 72 → 0).
                var raw = Cell(r, index[3]);
                var separator = raw.LastIndexOfAny([',', '.']);
                decimals[key] = Math.Max(decimals.GetValueOrDefault(key), separator < 0 ? 0 : Math.Min(4, raw.Length - separator - 1));
            }
            else
            {
                result.Missing++;
            }
        }
        result.Indicators.AddRange(metas.Values.Select(m => m with { Decimals = decimals.GetValueOrDefault(m.Key) }));
        result.Years = years.ToList();
        return result;
    }

    /// <summary>"Wmo-cliënten" → "eigen:wmo-clienten": one key however the label is later edited.</summary>
    public static string OwnKey(string name)
    {
        var normalized = name.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder("eigen:");
        foreach (var c in normalized)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug[^1] != '-' && slug[^1] != ':')
            {
                slug.Append('-');
            }
        }
        var key = slug.ToString().TrimEnd('-');
        return key.Length > IndicatorRules.KeyMaxLength ? key[..IndicatorRules.KeyMaxLength] : key;
    }
}
