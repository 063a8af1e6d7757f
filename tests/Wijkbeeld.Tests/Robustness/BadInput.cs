using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Robustness;

/// <summary>Every way data gets into the app: the write endpoints of the API, the imports and the form posts.</summary>
public enum Op
{
    ApiCreate, ApiUpdate, ApiDelete, ApiComment, ImportGeoJson, ImportCsv, ImportMultipart, AreaImport,
    FormCreate, FormEdit, FormDelete, FormComment, FormAreaImport,
}

/// <param name="RefusedByKestrel">
/// The request line itself is invalid (a NUL in the path): Kestrel answers 400 with an empty body before the app
/// runs, so there is no problem body to check.
/// </param>
public sealed record FuzzCase(int Number, Op Op, string Description, HttpRequestMessage Request, bool RefusedByKestrel = false)
{
    public bool IsForm => Op >= Op.FormCreate;

    public override string ToString() => $"#{Number} {Op} {Request.Method} {Request.RequestUri}: {Description}";
}

/// <summary>The item a case is aimed at: a live item with its current version, a deleted one, or none (a made-up id).</summary>
public sealed record FuzzTarget(int? LiveId, int Version, int? DeletedId);

/// <summary>
/// Generates malformed and edge-case requests from one <see cref="Random"/>: the same seed gives the same requests
/// (given the same answers). Most requests are broken in one or more ways; some are valid, so that accepted writes
/// are checked too.
/// </summary>
public sealed class BadInput(Random rng, string antiforgeryToken, string sampleAreas)
{
    int number;
    bool refusedByKestrel;

    // ---- building blocks ------------------------------------------------------------------------------------

    T Pick<T>(params T[] options) => options[rng.Next(options.Length)];

    bool Chance(double p) => rng.NextDouble() < p;

    static readonly string[] Coordinates =
    [
        "90", "-90", "180", "-180", "90.0", "-180.0", "90.0000000001", "-90.0000001", "180.0000001", "-180.0000001",
        "91", "-181", "1e308", "-1e308", "1e400", "-1e400", "5e-324", "0", "-0", "0.0", "1E2", "360", "-360", "2147483648",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"52,954\"", "\"4.758\"", "\"\"", "null", "true", "[52.95]", "{}",
        "NaN", "Infinity", "-Infinity", "+1", ".5", "1.", "0x10", "01",
    ];

    static readonly string[] CoordinateTexts =
    [
        "90", "-90", "180", "-180", "90.0000001", "-180.0000001", "NaN", "Infinity", "-Infinity", "+Infinity", "nan",
        "1e400", "-1e400", "1e308", "52,954", "4,758", "52.954.1", "", " ", "abc", "0x10", "1_000", "٥٢", "52.954\0",
        "52 954", "--1", "∞", "5e-324", "0",
    ];

    /// <summary>Text that is hard to handle: empty, blank, too long, control characters, broken UTF-16, markup, injection.</summary>
    string WeirdText() => rng.Next(17) switch
    {
        0 => "",
        1 => " \t \r\n ",
        2 => new string('x', rng.Next(121, 5000)),
        3 => new string('ë', rng.Next(4001, 30000)),
        4 => new string(Enumerable.Range(0, 32).Select(i => (char)i).Concat(['\u007f', '\u0085', '\u2028', '\u2029']).ToArray()),
        5 => "\0",
        6 => "titel\0met nul",
        7 => "\u202Eesrever\u200B\uFEFF 👩‍👩‍👧‍👦 Z̷̛a̶l̴g̸o",
        8 => "\uD800",
        9 => "los\uDC00halfje\uD83D",
        10 => "'; DROP TABLE \"Items\"; --",
        11 => "<script>alert(1)</script><b>vet</b>",
        12 => "{0} %s %n %x ${jndi:ldap://x}",
        13 => "=cmd|' /C calc'!A0",
        14 => "\r\n\r\n",
        15 => new string('\u0001', rng.Next(1, 300)),
        _ => "Buurtmoestuin " + rng.Next(1000),
    };

    /// <summary>JSON string literal, every non-ASCII character escaped (so broken UTF-16 arrives as \uD800).</summary>
    static string JsonString(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\') sb.Append('\\').Append(c);
            else if (c < 0x20 || c >= 0x7f) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A JSON value of any type, mostly wrong for the field it lands in.</summary>
    string WeirdJsonValue() => rng.Next(14) switch
    {
        0 => "null",
        1 => Pick("true", "false"),
        2 => Pick(Coordinates),
        3 => "[]",
        4 => "{}",
        5 => "[" + string.Join(",", Enumerable.Range(0, rng.Next(1, 30)).Select(_ => JsonString(WeirdText()))) + "]",
        6 => "{\"a\":" + JsonString(WeirdText()) + "}",
        7 => Nested(rng.Next(33, 3000)),
        8 => Pick("12345678901234567890", "-2147483649", "1.5", "-1", "0"),
        _ => JsonString(WeirdText()),
    };

    string Nested(int depth) => Chance(0.5)
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    static readonly string[] KnownThemes = ["jeugd", "wonen", "ouderen", "ontmoeting", "veiligheid"];

    static readonly string[] KnownKinds = ["voorziening", "kans", "opgave", "initiatief", "kracht", "signaal", "gebeurtenis"];

    /// <summary>A valid item as raw JSON properties, in Den Helder.</summary>
    List<(string Name, string Raw)> ValidItemProperties()
    {
        var place = Pick(Places.Centrum, Places.Willemsoord, Places.NieuwDenHelderCentrum, Places.Middelzand);
        var fields = new List<(string, string)>
        {
            ("kind", JsonString(Pick(KnownKinds))),
            ("title", JsonString("Fuzz " + rng.Next(1_000_000))),
            ("description", JsonString("Gegenereerd door de robuustheidstest.")),
            ("latitude", place.Latitude.ToString("R", CultureInfo.InvariantCulture)),
            ("longitude", place.Longitude.ToString("R", CultureInfo.InvariantCulture)),
            ("themes", "[" + JsonString(Pick(KnownThemes)) + "]"),
        };
        if (Chance(0.3)) fields.Add(("visibility", JsonString(Pick("openbaar", "partners", "organisatie"))));
        if (Chance(0.3)) fields.Add(("ownerOrganisation", JsonString("Buurtteam")));
        return fields;
    }

    static readonly string[] ItemFields =
        ["kind", "title", "description", "latitude", "longitude", "themes", "status", "ownerOrganisation", "contact", "visibility", "source", "relatedItemIds"];

    void MutateProperties(List<(string Name, string Raw)> fields, List<string> what, string[] names)
    {
        var count = rng.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var name = Pick(names);
            switch (rng.Next(9))
            {
                case 0:
                    fields.RemoveAll(f => f.Name == name);
                    what.Add($"no {name}");
                    break;
                case 1:
                    var extra = Pick("id", "version", "createdAt", "isDeleted", "TITLE", "", "__proto__", "$type", "x" + rng.Next(100));
                    fields.Add((extra, WeirdJsonValue()));
                    what.Add($"extra '{extra}'");
                    break;
                case 2 when name is "latitude" or "longitude":
                case 3 when name is "latitude" or "longitude":
                    var coordinate = Pick(Coordinates);
                    Set(fields, name, coordinate);
                    what.Add($"{name}={coordinate}");
                    break;
                case 4 when name == "themes":
                    var themes = Pick(
                        "[" + string.Join(",", Enumerable.Range(0, rng.Next(11, 400)).Select(j => JsonString("t" + j))) + "]",
                        "[" + JsonString("jeugd\0") + "]", "[" + JsonString(" JEUGD ") + "]", "[null, 5, true]", "[[\"jeugd\"]]",
                        "[" + JsonString(WeirdText()) + "]", "\"jeugd;wonen\"");
                    Set(fields, name, themes);
                    what.Add("themes " + Shorten(themes));
                    break;
                case 5 when name == "relatedItemIds":
                    var related = Pick("[-1]", "[0]", "[2147483647]", "[2147483648]", "[1e3]", "[\"1\"]", "[1.5]", "[null]",
                        "[" + string.Join(",", Enumerable.Range(1, rng.Next(21, 200))) + "]", "{}");
                    Set(fields, name, related);
                    what.Add("relatedItemIds " + Shorten(related));
                    break;
                case 6:
                    var text = JsonString(WeirdText());
                    Set(fields, name, text);
                    what.Add($"{name}=text({text.Length})");
                    break;
                case 7:
                    fields.Add((name, WeirdJsonValue()));
                    what.Add($"duplicate {name}");
                    break;
                default:
                    var value = WeirdJsonValue();
                    Set(fields, name, value);
                    what.Add($"{name}={Shorten(value)}");
                    break;
            }
        }
    }

    static void Set(List<(string Name, string Raw)> fields, string name, string raw)
    {
        var i = fields.FindIndex(f => f.Name == name);
        if (i >= 0) fields[i] = (name, raw);
        else fields.Add((name, raw));
    }

    static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + $"...({s.Length})";

    static string Object(IEnumerable<(string Name, string Raw)> fields) =>
        "{" + string.Join(",", fields.Select(f => JsonString(f.Name) + ":" + f.Raw)) + "}";

    /// <summary>Breaks the bytes of a body: cut off, invalid UTF-8, a BOM, trailing garbage, comments, other encodings.</summary>
    byte[] Corrupt(string text, List<string> what)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        switch (rng.Next(12))
        {
            case 0:
                what.Add("truncated");
                return bytes[..rng.Next(bytes.Length)];
            case 1:
                // Inside a string value half of the time, where the parser accepts it and only reading the text fails.
                var quotes = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == (byte)'"').ToList();
                var at = quotes.Count > 0 && Chance(0.5) ? quotes[rng.Next(quotes.Count)] + 1 : rng.Next(bytes.Length + 1);
                byte[] bad = Pick<byte[]>([0xC3, 0x28], [0xFF], [0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x00]);
                what.Add("invalid UTF-8 " + Convert.ToHexString(bad));
                return [.. bytes[..at], .. bad, .. bytes[at..]];
            case 2:
                what.Add("BOM");
                return [0xEF, 0xBB, 0xBF, .. bytes];
            case 3:
                what.Add("trailing garbage");
                return [.. bytes, .. Encoding.UTF8.GetBytes(Pick("}}", "]", ",", "x", " {}", "\0", "// c"))];
            case 4:
                what.Add("UTF-16");
                return Encoding.Unicode.GetBytes(text);
            case 5:
                what.Add("random bytes");
                var random = new byte[rng.Next(1, 2000)];
                rng.NextBytes(random);
                return random;
            case 6:
                what.Add("comment and trailing comma");
                return Encoding.UTF8.GetBytes("/* x */" + text.TrimEnd().TrimEnd('}') + ",}");
            case 7:
                what.Add("single quotes");
                return Encoding.UTF8.GetBytes(text.Replace('"', '\''));
            case 8:
                what.Add("empty");
                return [];
            default:
                what.Add("whitespace");
                return Encoding.UTF8.GetBytes(Pick(" ", "\n\n", "\t", "null", "0", "\"\"", "[]", "[{}]"));
        }
    }

    string JsonMediaType(List<string> what, string normal = "application/json")
    {
        if (Chance(0.75)) return normal;
        var type = Pick("", "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/json; charset=latin1", "application/json; charset=utf-16", "application/problem+json",
            "application/geo+json", "text/csv", "application/octet-stream", "garbage", "application/json;;;x=\"",
            "*/*", "application/", "APPLICATION/JSON", "text/json");
        what.Add($"content type '{type}'");
        return type;
    }

    static ByteArrayContent Content(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        if (mediaType.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        }
        return content;
    }

    /// <summary>Sometimes appends a query string with broken escapes, NULs, repeats and unknown handlers.</summary>
    string Query(List<string> what, bool first = true)
    {
        if (!Chance(0.15)) return "";
        var q = Pick("%ZZ", "a=%00", "&&&==&", "q=" + new string('q', rng.Next(1, 3000)), "x[]=1&x[]=2", "%C3%28=1",
            "handler=Nope", "page=-1&pageSize=999999", "id=abc", "=", "%", "a=%E2%82", "version=-1", "%2e%2e%2f");
        what.Add("query " + Shorten(q));
        return (first ? "?" : "&") + q;
    }

    string ItemId(FuzzTarget target, List<string> what)
    {
        if (target.LiveId is { } live && Chance(0.7))
        {
            return live.ToString(CultureInfo.InvariantCulture);
        }
        if (target.DeletedId is { } deleted && Chance(0.3))
        {
            what.Add("deleted item");
            return deleted.ToString(CultureInfo.InvariantCulture);
        }
        var id = Pick("0", "-1", "-2147483648", "2147483647", "2147483648", "99999999999999999999", new string('9', rng.Next(20, 2000)),
            "abc", "1.5", "1e3", "%00", "%20", "0x10", "+5", "%D9%A3", "5%00", "1;1", "%2F..%2F1", "00000000001");
        what.Add("id " + Shorten(id));
        refusedByKestrel |= id.Contains("%00", StringComparison.Ordinal);
        return id;
    }

    string IfMatch(FuzzTarget target, List<string> what, bool optional)
    {
        if (Chance(0.5))
        {
            return Pick($"\"{target.Version}\"", $"W/\"{target.Version}\"", target.Version.ToString(CultureInfo.InvariantCulture));
        }
        var value = Pick<string?>(null, "", "*", "\"\"", "\"abc\"", "W/", "W/\"\"", "\"0\"", "\"-1\"", "-1", "0",
            "\"1\", \"2\"", "99999999999999999999", "\"2147483648\"", " \" 3 \" ", new string('"', 300), "\"1", "1\"",
            $"\"{target.Version + 1}\"", $"\"{Math.Max(1, target.Version - 1)}\"", "W/\"1\"W/", "\t");
        what.Add(value is null ? (optional ? "no If-Match" : "If-Match missing") : "If-Match " + Shorten(value));
        return value!;
    }

    // ---- the cases ------------------------------------------------------------------------------------------

    public FuzzCase Next(Op op, FuzzTarget target)
    {
        var what = new List<string>();
        refusedByKestrel = false;
        var request = op switch
        {
            Op.ApiCreate => ItemJson(HttpMethod.Post, "/api/items" + Query(what), what),
            Op.ApiUpdate => Update(target, what),
            Op.ApiDelete => Delete(target, what),
            Op.ApiComment => Comment(target, what),
            Op.ImportGeoJson => ImportRaw(GeoJsonItems(what), Pick("application/geo+json", "application/json"), what),
            Op.ImportCsv => ImportRaw(Csv(what), "text/csv", what),
            Op.ImportMultipart => ImportMultipart(what),
            Op.AreaImport => AreaImportApi(what),
            Op.FormCreate => ItemForm("/items/new", null, what),
            Op.FormEdit => ItemForm($"/items/{ItemId(target, what)}/edit", target, what),
            Op.FormDelete => Form($"/items/{ItemId(target, what)}/delete", [("Version", VersionField(target, what))], what),
            Op.FormComment => CommentForm(target, what),
            Op.FormAreaImport => AreaImportForm(what),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
        return new FuzzCase(++number, op, what.Count == 0 ? "valid" : string.Join("; ", what), request, refusedByKestrel);
    }

    HttpRequestMessage ItemJson(HttpMethod method, string url, List<string> what)
    {
        var fields = ValidItemProperties();
        if (Chance(0.8))
        {
            MutateProperties(fields, what, ItemFields);
        }
        var text = Chance(0.05) ? Nested(rng.Next(1000, 5000)) : Object(fields);
        if (text[0] != '{') what.Add("deeply nested");
        var body = Chance(0.15) ? Corrupt(text, what) : Encoding.UTF8.GetBytes(text);
        return new HttpRequestMessage(method, url) { Content = Content(body, JsonMediaType(what)) };
    }

    HttpRequestMessage Update(FuzzTarget target, List<string> what)
    {
        var request = ItemJson(HttpMethod.Put, $"/api/items/{ItemId(target, what)}" + Query(what), what);
        if (IfMatch(target, what, optional: false) is { } ifMatch)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }

    HttpRequestMessage Delete(FuzzTarget target, List<string> what)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/items/{ItemId(target, what)}" + Query(what));
        if (IfMatch(target, what, optional: true) is { } ifMatch)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (Chance(0.1))
        {
            request.Content = Content(Encoding.UTF8.GetBytes(Object(ValidItemProperties())), "application/json");
            what.Add("with a body");
        }
        return request;
    }

    HttpRequestMessage Comment(FuzzTarget target, List<string> what)
    {
        var fields = new List<(string Name, string Raw)> { ("text", JsonString("Een opmerking " + rng.Next(1000))) };
        if (Chance(0.5)) fields.Add(("author", JsonString("Fuzzer")));
        if (Chance(0.8)) MutateProperties(fields, what, ["text", "author"]);
        var text = Object(fields);
        var body = Chance(0.15) ? Corrupt(text, what) : Encoding.UTF8.GetBytes(text);
        return new HttpRequestMessage(HttpMethod.Post, $"/api/items/{ItemId(target, what)}/comments" + Query(what))
        {
            Content = Content(body, JsonMediaType(what)),
        };
    }

    HttpRequestMessage ImportRaw(byte[] body, string mediaType, List<string> what) =>
        new(HttpMethod.Post, "/api/items/import" + Query(what)) { Content = Content(body, JsonMediaType(what, mediaType)) };

    /// <summary>A GeoJSON FeatureCollection of items, most of them broken somewhere: geometry, properties, structure.</summary>
    byte[] GeoJsonItems(List<string> what)
    {
        var features = new List<string>();
        var count = rng.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var properties = ValidItemProperties().Where(p => p.Name is not ("latitude" or "longitude")).ToList();
            var lon = Pick(Places.Centrum.Longitude, Places.Willemsoord.Longitude).ToString("R", CultureInfo.InvariantCulture);
            var lat = Pick(Places.Centrum.Latitude, Places.Willemsoord.Latitude).ToString("R", CultureInfo.InvariantCulture);
            var geometry = $"{{\"type\":\"Point\",\"coordinates\":[{lon},{lat}]}}";
            var propertiesRaw = (string?)null;
            var featureType = "\"Feature\"";
            if (Chance(0.7))
            {
                switch (rng.Next(6))
                {
                    case 0:
                        var (x, y) = (Pick(Coordinates), Pick(Coordinates));
                        geometry = $"{{\"type\":\"Point\",\"coordinates\":[{x},{y}]}}";
                        what.Add($"point [{x},{y}]");
                        break;
                    case 1:
                        geometry = Pick("null", "5", "[]", "\"POINT(4.7 52.9)\"", "{}", "{\"type\":\"Point\"}",
                            "{\"type\":\"Point\",\"coordinates\":[]}", "{\"type\":\"Point\",\"coordinates\":[4.7]}",
                            "{\"type\":\"Point\",\"coordinates\":[\"4.7\",\"52.9\"]}", "{\"type\":\"Point\",\"coordinates\":[4.758,52.954,0,1,2]}",
                            "{\"type\":\"Point\",\"coordinates\":[[4.758,52.954]]}", "{\"type\":\"point\",\"coordinates\":[4.758,52.954]}",
                            "{\"type\":\"LineString\",\"coordinates\":[[4.75,52.95],[4.76,52.96]]}",
                            "{\"type\":\"Polygon\",\"coordinates\":[[[4.75,52.95],[4.76,52.95],[4.76,52.96],[4.75,52.95]]]}",
                            "{\"type\":\"GeometryCollection\",\"geometries\":[]}", "{\"type\":\"Point\",\"coordinates\":{\"x\":4.7}}");
                        what.Add("geometry " + Shorten(geometry));
                        break;
                    case 2:
                        propertiesRaw = Pick("null", "[]", "\"tekst\"", "5", "{}", Nested(rng.Next(40, 2000)));
                        what.Add("properties " + Shorten(propertiesRaw));
                        break;
                    case 3:
                        featureType = Pick("\"feature\"", "null", "5", "\"FeatureCollection\"", "\"\"");
                        what.Add("feature type " + featureType);
                        break;
                    default:
                        MutateProperties(properties, what, [.. ItemFields.Where(f => f is not ("latitude" or "longitude"))]);
                        break;
                }
            }
            features.Add(Chance(0.03)
                ? Pick("null", "5", "[]", "\"Feature\"")
                : $"{{\"type\":{featureType},\"geometry\":{geometry},\"properties\":{propertiesRaw ?? Object(properties)}}}");
        }
        var featureList = "[" + string.Join(",", features) + "]";
        var root = $"{{\"type\":\"FeatureCollection\",\"features\":{featureList}}}";
        if (Chance(0.1))
        {
            root = Pick("[]", "{}", "{\"type\":\"FeatureCollection\"}", "{\"type\":\"FeatureCollection\",\"features\":[]}",
                "{\"type\":\"FeatureCollection\",\"features\":{}}", "{\"type\":\"Feature\",\"features\":" + featureList + "}",
                featureList, "{\"features\":" + featureList + "}", Nested(rng.Next(33, 3000)));
            what.Add("root " + Shorten(root));
        }
        return Chance(0.15) ? Corrupt(root, what) : Encoding.UTF8.GetBytes(root);
    }

    static string CsvField(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";

    /// <summary>A CSV file of items with wrong columns, quotes, delimiters, BOMs, line ends and values.</summary>
    byte[] Csv(List<string> what)
    {
        var columns = new List<string> { "kind", "title", "description", "latitude", "longitude", "themes", "status", "visibility" };
        var delimiter = ",";
        var newline = "\r\n";
        var rows = new List<List<string>>();
        for (var i = 0; i < rng.Next(1, 4); i++)
        {
            var place = Pick(Places.Centrum, Places.Willemsoord);
            rows.Add([Pick(KnownKinds), "Fuzz csv " + rng.Next(1_000_000), "Gegenereerd", place.Latitude.ToString("R", CultureInfo.InvariantCulture),
                place.Longitude.ToString("R", CultureInfo.InvariantCulture), Pick(KnownThemes), "", "openbaar"]);
        }
        var mutations = Chance(0.8) ? rng.Next(1, 4) : 0;
        var rawRows = new List<string>();
        var prefix = "";
        for (var m = 0; m < mutations; m++)
        {
            if (rows.Count == 0)
            {
                break;
            }
            switch (rng.Next(12))
            {
                case 0:
                    var dropped = Pick("kind", "title", "latitude", "longitude");
                    var index = columns.IndexOf(dropped);
                    if (index >= 0)
                    {
                        columns.RemoveAt(index);
                        rows.Where(r => index < r.Count).ToList().ForEach(r => r.RemoveAt(index));
                    }
                    what.Add("no column " + dropped);
                    break;
                case 1:
                    columns = columns.Select(c => Pick(c.ToUpperInvariant(), " " + c + " ", c, "\"" + c + "\"", c + "\0")).ToList();
                    what.Add("odd header " + string.Join("|", columns));
                    break;
                case 2:
                    delimiter = Pick(";", "\t", "|", " ", ",,");
                    what.Add($"delimiter '{delimiter}'");
                    break;
                case 3:
                    prefix = Pick("\uFEFF", "\uFEFF\uFEFF", "sep=;\r\n", "\r\n", " ", "\0");
                    what.Add("prefix " + Shorten(prefix));
                    break;
                case 4:
                    newline = Pick("\n", "\r", "\n\r", "\u2028");
                    what.Add("newline " + Convert.ToHexString(Encoding.UTF8.GetBytes(newline)));
                    break;
                case 5:
                    var r5 = Pick(rows.ToArray());
                    var f5 = rng.Next(r5.Count);
                    r5[f5] = Pick("\"open quote", "mid\"quote", "\"\"\"", "\"a\"b\"", "a\nb", "\"multi\r\nline\"", "\"", "'single'");
                    what.Add("quotes " + Shorten(r5[f5]));
                    break;
                case 6:
                    var r6 = Pick(rows.ToArray());
                    if (Chance(0.5)) r6.AddRange(["extra", "velden", "\"x\""]);
                    else if (r6.Count > 1) r6.RemoveRange(r6.Count / 2, r6.Count - r6.Count / 2);
                    what.Add("row with wrong field count");
                    break;
                case 7:
                    var r7 = Pick(rows.ToArray());
                    var latIndex = columns.FindIndex(c => c.Trim().Trim('"').Equals("latitude", StringComparison.OrdinalIgnoreCase));
                    var lonIndex = columns.FindIndex(c => c.Trim().Trim('"').Equals("longitude", StringComparison.OrdinalIgnoreCase));
                    var target = Pick(latIndex, lonIndex);
                    if (target >= 0 && target < r7.Count)
                    {
                        r7[target] = Pick(CoordinateTexts);
                        what.Add($"coordinate '{r7[target]}'");
                    }
                    break;
                case 8:
                    var r8 = Pick(rows.ToArray());
                    var f8 = rng.Next(r8.Count);
                    r8[f8] = CsvField(WeirdText());
                    what.Add($"text in field {f8}");
                    break;
                case 9:
                    rawRows.Add(Pick("", ",,,,,,,", "\"", "kans", new string(',', 500), "\0\0\0"));
                    what.Add("odd line");
                    break;
                case 10:
                    var r10 = Pick(rows.ToArray());
                    r10[0] = Pick("fiets", "", "KANS", " kans ", "kans\0");
                    what.Add($"kind '{r10[0]}'");
                    break;
                default:
                    rows.Clear();
                    what.Add("no rows");
                    break;
            }
        }
        var text = prefix + string.Join(delimiter, columns) + newline +
                   string.Concat(rows.Select(r => string.Join(delimiter, r) + newline)) + string.Concat(rawRows.Select(r => r + newline));
        if (Chance(0.05))
        {
            text = Pick("", "\uFEFF", "\r\n", "kind,title,latitude,longitude", "a;b\tc|d");
            what.Add("whole file " + Shorten(text));
        }
        return Chance(0.1) ? Corrupt(text, what) : Encoding.UTF8.GetBytes(text);
    }

    HttpRequestMessage ImportMultipart(List<string> what)
    {
        var csv = Chance(0.5);
        var file = csv ? Csv(what) : GeoJsonItems(what);
        var (name, type) = Chance(0.7)
            ? (csv ? "items.csv" : "items.geojson", csv ? "text/csv" : "application/geo+json")
            : (Pick("items.txt", "items", "items.csv", "items.geojson", "../../etc/passwd", "", new string('n', 300) + ".json"),
               Pick("application/octet-stream", "text/plain", "", "text/csv", "application/json"));
        if (name != (csv ? "items.csv" : "items.geojson")) what.Add($"file '{Shorten(name)}' {type}");
        return new HttpRequestMessage(HttpMethod.Post, "/api/items/import" + Query(what)) { Content = Multipart([], ("file", name, type, file), what) };
    }

    /// <summary>A multipart body, sometimes without the file, without a boundary, cut off, or with two files.</summary>
    HttpContent Multipart(IReadOnlyList<(string Name, string Value)> fields, (string Field, string Name, string Type, byte[] Body)? file, List<string> what)
    {
        var boundary = "----fuzz" + rng.Next(1_000_000);
        var sb = new MemoryStream();
        void Write(string s) => sb.Write(Encoding.UTF8.GetBytes(s));
        foreach (var (name, value) in fields)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }
        var withFile = file is not null && !Chance(0.08);
        if (file is not null && !withFile) what.Add("no file part");
        if (withFile)
        {
            var f = file!.Value;
            var copies = Chance(0.05) ? 2 : 1;
            if (copies == 2) what.Add("two files");
            for (var i = 0; i < copies; i++)
            {
                Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{f.Field}\"; filename=\"{f.Name}\"\r\n");
                if (f.Type.Length > 0) Write($"Content-Type: {f.Type}\r\n");
                Write("\r\n");
                sb.Write(f.Body);
                Write("\r\n");
            }
        }
        Write($"--{boundary}--\r\n");
        var body = sb.ToArray();
        var contentType = $"multipart/form-data; boundary={boundary}";
        if (Chance(0.1))
        {
            switch (rng.Next(5))
            {
                case 0: contentType = "multipart/form-data"; what.Add("multipart without boundary"); break;
                case 1: body = body[..rng.Next(body.Length)]; what.Add("multipart cut off"); break;
                case 2: contentType = $"multipart/form-data; boundary={boundary}x"; what.Add("wrong boundary"); break;
                case 3: contentType = "multipart/form-data; boundary=" + new string('b', 200); what.Add("boundary too long"); break;
                default: body = Encoding.UTF8.GetBytes($"--{boundary}\r\nbroken headers\r\n\r\n"); what.Add("multipart garbage"); break;
            }
        }
        return Content(body, contentType);
    }

    /// <summary>
    /// An areas file: the Den Helder sample as it is (or harmlessly varied), else with broken geometry, codes, names
    /// or structure. Codes are only ever made invalid, so an accepted file always has the sample's areas.
    /// </summary>
    byte[] Areas(List<string> what)
    {
        var root = JsonNode.Parse(sampleAreas)!.AsObject();
        var features = root["features"]!.AsArray();
        if (Chance(0.2))
        {
            if (Chance(0.5))
            {
                root["crs"] = JsonNode.Parse("{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}}");
                root["extra"] = "onbekend";
                what.Add("valid, with extras");
            }
            else
            {
                what.Add("valid sample");
            }
            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }
        var feature = features[rng.Next(features.Count)]!.AsObject();
        var properties = feature["properties"]!.AsObject();
        switch (rng.Next(9))
        {
            case 0:
            case 1:
                var geometry = Pick(
                    "{\"type\":\"Polygon\",\"coordinates\":[[[4.74,52.95],[4.76,52.96],[4.76,52.95],[4.74,52.96],[4.74,52.95]]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[4.74,52.95],[4.76,52.95],[4.76,52.96]]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[4.74,52.95],[4.76,52.95]]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[]}", "{\"type\":\"Polygon\",\"coordinates\":[[]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[\"4.74\",\"52.95\"],[4.76,52.95],[4.76,52.96],[4.74,52.95]]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[\"NaN\",\"NaN\"],[4.76,52.95],[4.76,52.96],[\"NaN\",\"NaN\"]]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[-180.0001,-90],[180,-90],[180,90.5],[-180,90],[-180.0001,-90]]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[1e400,1],[2,1],[2,2],[1e400,1]]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[100000,500000],[101000,500000],[101000,501000],[100000,500000]]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[4.74,52.95,1,2,3],[4.76,52.95],[4.76,52.96],[4.74,52.95]]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[[4.74,52.95]]]]}", "{\"type\":\"Polygon\",\"coordinates\":\"x\"}",
                    "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[4.74,52.95],[4.76,52.95],[4.76,52.96],[4.74,52.95]]],[]]}",
                    "{\"type\":\"Point\",\"coordinates\":[4.75,52.95]}", "{\"type\":\"LineString\",\"coordinates\":[[4.75,52.95],[4.76,52.96]]}",
                    "{\"type\":\"GeometryCollection\",\"geometries\":[]}", "{\"type\":\"Circle\",\"coordinates\":[4.75,52.95]}",
                    "{\"type\":\"Polygon\"}", "{}", "null", "5", "[]", "nested");
                if (geometry == "nested")
                {
                    // Deep nesting as raw text: JsonNode refuses to build it.
                    feature["geometry"] = "@@nested@@";
                    what.Add("geometry nested deeply");
                    return Encoding.UTF8.GetBytes(root.ToJsonString().Replace("\"@@nested@@\"", Nested(rng.Next(65, 3000))));
                }
                feature["geometry"] = JsonNode.Parse(geometry);
                what.Add("geometry " + Shorten(geometry));
                break;
            case 2:
                var codeField = properties.ContainsKey("buurtcode") ? "buurtcode" : "wijkcode";
                JsonNode? code = Pick<JsonNode?>("BU0400", "XX12345678", "", " ", "BU040000011", "bu04000001", "WK04000", "GM04", null,
                    12345678, "BU0400000\0", "BU04000001\n", WeirdText());
                properties[codeField] = code;
                what.Add($"{codeField} {Shorten(code?.ToJsonString() ?? "null")}");
                break;
            case 3:
                var nameField = properties.ContainsKey("buurtnaam") ? "buurtnaam" : "wijknaam";
                var name = Pick<JsonNode?>(null, "", "  ", new string('n', 121), 5, true);
                properties[nameField] = name;
                what.Add($"{nameField} {Shorten(name?.ToJsonString() ?? "null")}");
                break;
            case 4:
                var nameField4 = properties.ContainsKey("buurtnaam") ? "buurtnaam" : "wijknaam";
                properties[nameField4] = WeirdText() is { Length: > 0 and <= 120 } weird && !string.IsNullOrWhiteSpace(weird) ? "Naam " + weird : "Naam\0nul";
                what.Add($"{nameField4} with odd characters");
                break;
            case 5:
                features.Add(JsonNode.Parse(feature.ToJsonString()));
                what.Add("duplicate feature");
                break;
            case 6:
                var broken = Pick<JsonNode?>(null, 5, "Feature", new JsonArray(), new JsonObject(), new JsonObject { ["type"] = "Feature" },
                    new JsonObject { ["type"] = "Feature", ["properties"] = new JsonObject { ["buurtcode"] = "BU04000001" } });
                features.Add(broken);
                what.Add("broken feature " + Shorten(broken?.ToJsonString() ?? "null"));
                break;
            case 7:
                root["crs"] = JsonNode.Parse(Pick("{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:28992\"}}", "{\"type\":\"name\",\"properties\":{\"name\":5}}",
                    "\"EPSG:28992\"", "{\"properties\":null}"));
                what.Add("crs " + Shorten(root["crs"]!.ToJsonString()));
                break;
            default:
                var replacement = Pick("[]", "{}", "{\"type\":\"FeatureCollection\"}", "{\"type\":\"FeatureCollection\",\"features\":[]}",
                    "{\"type\":\"FeatureCollection\",\"features\":{}}", "{\"type\":\"Feature\"}", "null", "\"FeatureCollection\"");
                what.Add("root " + replacement);
                return Encoding.UTF8.GetBytes(replacement);
        }
        var json = root.ToJsonString();
        return Chance(0.1) ? Corrupt(json, what) : Encoding.UTF8.GetBytes(json);
    }

    HttpRequestMessage AreaImportApi(List<string> what)
    {
        var file = Areas(what);
        if (Chance(0.3))
        {
            var type = Pick("application/geo+json", "application/json", "application/octet-stream", "");
            return new HttpRequestMessage(HttpMethod.Post, "/api/areas/import" + Query(what))
            {
                Content = Multipart([], ("file", Pick("buurten.geojson", "x"), type, file), what),
            };
        }
        return new HttpRequestMessage(HttpMethod.Post, "/api/areas/import" + Query(what))
        {
            Content = Content(file, JsonMediaType(what, Pick("application/geo+json", "application/json"))),
        };
    }

    // ---- form posts -----------------------------------------------------------------------------------------

    /// <summary>The antiforgery token as a form field: valid nearly always, else missing or wrong.</summary>
    IEnumerable<(string, string)> Token(List<string> what)
    {
        if (Chance(0.95))
        {
            return [("__RequestVerificationToken", antiforgeryToken)];
        }
        var bad = Pick("", "x", antiforgeryToken[..^2] + "xx", new string('A', 500));
        what.Add("bad antiforgery token");
        return bad.Length == 0 ? [] : [("__RequestVerificationToken", bad)];
    }

    string VersionField(FuzzTarget target, List<string> what)
    {
        if (Chance(0.5)) return target.Version.ToString(CultureInfo.InvariantCulture);
        var version = Pick("", "abc", "-1", "0", "1.5", "99999999999999999999", "2147483648", "\"1\"", "1e3", " 1 ",
            (target.Version + 1).ToString(CultureInfo.InvariantCulture), "٣");
        what.Add($"version '{version}'");
        return version;
    }

    HttpRequestMessage ItemForm(string url, FuzzTarget? target, List<string> what)
    {
        var place = Pick(Places.Centrum, Places.Willemsoord, Places.Middelzand);
        var fields = new List<(string Name, string Value)>
        {
            ("Form.Kind", Pick(KnownKinds)),
            ("Form.Title", "Fuzz formulier " + rng.Next(1_000_000)),
            ("Form.Description", "Via het formulier."),
            ("Form.Latitude", place.Latitude.ToString("R", CultureInfo.InvariantCulture)),
            ("Form.Longitude", Chance(0.2) ? place.Longitude.ToString("R", CultureInfo.InvariantCulture).Replace('.', ',') : place.Longitude.ToString("R", CultureInfo.InvariantCulture)),
            ("Form.Themes", Pick(KnownThemes)),
            ("Form.Visibility", "openbaar"),
        };
        if (target is not null) fields.Add(("Form.Version", VersionField(target, what)));
        if (Chance(0.8))
        {
            for (var i = rng.Next(1, 4); i > 0; i--)
            {
                var name = Pick("Form.Kind", "Form.Title", "Form.Description", "Form.Latitude", "Form.Longitude", "Form.Themes",
                    "Form.Status", "Form.Visibility", "Form.OwnerOrganisation", "Form.Contact", "Form.Source");
                switch (rng.Next(6))
                {
                    case 0:
                        fields.RemoveAll(f => f.Name == name);
                        what.Add("no " + name);
                        break;
                    case 1 when name is "Form.Latitude" or "Form.Longitude":
                    case 2 when name is "Form.Latitude" or "Form.Longitude":
                        var coordinate = Pick(CoordinateTexts);
                        SetForm(fields, name, coordinate);
                        what.Add($"{name}='{coordinate}'");
                        break;
                    case 3 when name == "Form.Themes":
                        fields.RemoveAll(f => f.Name == name);
                        var themes = Enumerable.Range(0, rng.Next(0, 40)).Select(j => Pick("jeugd", "onbekend", "", WeirdText(), "JEUGD", "t" + j)).ToList();
                        fields.AddRange(themes.Select(t => (name, t)));
                        what.Add($"{themes.Count} themes");
                        break;
                    case 4:
                        fields.Add((Pick(name, "Form.Id", "Form", "Id", "Version", "handler", "Form.Themes[0]", "Form.Version", ""), WeirdText()));
                        what.Add("extra field");
                        break;
                    default:
                        var text = WeirdText();
                        SetForm(fields, name, text);
                        what.Add($"{name}=text({text.Length})");
                        break;
                }
            }
        }
        return Form(url, fields, what);
    }

    static void SetForm(List<(string Name, string Value)> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Name == name);
        fields.Add((name, value));
    }

    HttpRequestMessage CommentForm(FuzzTarget target, List<string> what)
    {
        var fields = new List<(string, string)> { ("Comment.Text", Chance(0.7) ? "Opmerking via het formulier" : WeirdText()) };
        if (Chance(0.5)) fields.Add(("Comment.Author", Chance(0.5) ? "Fuzzer" : WeirdText()));
        var handler = Chance(0.95) ? "?handler=Comment" : Pick("", "?handler=", "?handler=comment", "?handler=Delete", "?handler=Comment&handler=Comment");
        if (handler != "?handler=Comment") what.Add($"handler '{handler}'");
        return Form($"/items/{ItemId(target, what)}{handler}{Query(what, first: handler.Length == 0)}", fields, what);
    }

    /// <summary>A form post with the token: url-encoded nearly always, sometimes multipart, raw garbage or the wrong type.</summary>
    HttpRequestMessage Form(string url, IReadOnlyList<(string Name, string Value)> fields, List<string> what)
    {
        var all = Token(what).Concat(fields).ToList();
        var request = new HttpRequestMessage(HttpMethod.Post, url + (url.Contains('?') ? "" : Query(what)));
        switch (rng.Next(20))
        {
            case 0:
                request.Content = Multipart(all, null, what);
                what.Add("as multipart");
                break;
            case 1:
                var raw = Pick("%ZZ=1", "=&=&", "a=%C3%28", "%", "&&&", "Form.Title=%E2%82", string.Join("&", Enumerable.Repeat("a=1", 1100)));
                request.Content = Content(Encoding.UTF8.GetBytes(UrlEncoded(all) + "&" + raw), "application/x-www-form-urlencoded");
                what.Add("raw form " + Shorten(raw));
                break;
            case 2:
                request.Content = Content(Encoding.UTF8.GetBytes(UrlEncoded(all)), Pick("", "application/json", "text/plain", "multipart/form-data"));
                what.Add($"form as '{request.Content.Headers.ContentType}'");
                break;
            case 3:
                request.Content = Content(Corrupt(UrlEncoded(all), what), "application/x-www-form-urlencoded");
                break;
            default:
                request.Content = Content(Encoding.UTF8.GetBytes(UrlEncoded(all)), "application/x-www-form-urlencoded");
                break;
        }
        return request;
    }

    /// <summary>application/x-www-form-urlencoded by hand: broken UTF-16 becomes U+FFFD as a browser would send it.</summary>
    static string UrlEncoded(IEnumerable<(string Name, string Value)> fields) =>
        string.Join("&", fields.Select(f => Escape(f.Name) + "=" + Escape(f.Value)));

    static string Escape(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                sb.Append((char)b);
            else
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    HttpRequestMessage AreaImportForm(List<string> what)
    {
        var fields = Token(what).ToList();
        var confirm = Chance(0.85) ? "true" : Pick("", "false", "maybe", "on", "1", "TRUE");
        if (confirm != "true") what.Add($"Confirm '{confirm}'");
        if (confirm.Length > 0) fields.Add(("Confirm", confirm));
        var file = Chance(0.05) ? [] : Areas(what);
        if (file.Length == 0) what.Add("empty file");
        var type = Chance(0.8) ? "application/geo+json" : Pick("application/octet-stream", "text/plain", "");
        return new HttpRequestMessage(HttpMethod.Post, "/admin/areas/import" + Query(what))
        {
            Content = Multipart(fields, ("Upload", Pick("buurten.geojson", "buurten.json", "x.txt"), type, file), what),
        };
    }

    // ---- bodies over the limits -----------------------------------------------------------------------------

    /// <summary>
    /// One request per write path with a body over its limit (256 KB for item JSON, 20 MB for the item import,
    /// 200 MB for the area import, Kestrel's 30 MB for the other forms), and a few other extremes.
    /// Bodies above a few MB are streamed, not held in memory, and announced with Expect: 100-continue.
    /// </summary>
    public IEnumerable<FuzzCase> Oversized(FuzzTarget target)
    {
        var id = target.LiveId ?? 1;
        var big = JsonString(new string('d', 300 * 1024));
        FuzzCase Case(Op op, string description, HttpRequestMessage request) => new(++number, op, description, request);

        yield return Case(Op.ApiCreate, "300 KB description", new HttpRequestMessage(HttpMethod.Post, "/api/items")
        {
            Content = Content(Encoding.UTF8.GetBytes(Object([.. ValidItemProperties().Where(p => p.Name != "description"), ("description", big)])), "application/json"),
        });
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/items/{id}")
        {
            Content = Content(Encoding.UTF8.GetBytes(Object([.. ValidItemProperties().Where(p => p.Name != "title"), ("title", big)])), "application/json"),
        };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{target.Version}\"");
        yield return Case(Op.ApiUpdate, "300 KB title", put);
        yield return Case(Op.ApiComment, "300 KB comment", new HttpRequestMessage(HttpMethod.Post, $"/api/items/{id}/comments")
        {
            Content = Content(Encoding.UTF8.GetBytes("{\"text\":" + big + "}"), "application/json"),
        });
        yield return Case(Op.ApiCreate, "JSON nested 100000 deep", new HttpRequestMessage(HttpMethod.Post, "/api/items")
        {
            Content = Content(Encoding.UTF8.GetBytes("{\"title\":" + Nested(100_000)[..100_000] + "}"), "application/json"),
        });
        yield return Case(Op.ApiCreate, "20000 themes", new HttpRequestMessage(HttpMethod.Post, "/api/items")
        {
            Content = Content(Encoding.UTF8.GetBytes(Object([.. ValidItemProperties().Where(p => p.Name != "themes"),
                ("themes", "[" + string.Join(",", Enumerable.Repeat("\"jeugd\"", 20_000)) + "]")])), "application/json"),
        });
        yield return Case(Op.ImportGeoJson, "21 MB GeoJSON", Streamed("/api/items/import", 21L << 20, "application/geo+json",
            "{\"type\":\"FeatureCollection\",\"features\":[", " "));
        yield return Case(Op.ImportCsv, "21 MB CSV", Streamed("/api/items/import", 21L << 20, "text/csv",
            "kind,title,latitude,longitude\r\n", "kans,Titel,52.954,4.758\r\n"));
        yield return Case(Op.ImportCsv, "10001 CSV rows", new HttpRequestMessage(HttpMethod.Post, "/api/items/import")
        {
            Content = Content(Encoding.UTF8.GetBytes("kind,title,latitude,longitude\r\n" + string.Concat(Enumerable.Repeat("kans,Veel,52.954,4.758\r\n", 10_001))), "text/csv"),
        });
        yield return Case(Op.ImportMultipart, "21 MB multipart", StreamedMultipart("/api/items/import", 21L << 20, "file", []));
        yield return Case(Op.AreaImport, "201 MB areas", Streamed("/api/areas/import", 201L << 20, "application/geo+json",
            "{\"type\":\"FeatureCollection\",\"features\":[", " "));
        yield return Case(Op.AreaImport, "201 MB areas multipart", StreamedMultipart("/api/areas/import", 201L << 20, "file", []));
        var token = new[] { ("__RequestVerificationToken", antiforgeryToken) };
        yield return Case(Op.FormCreate, "31 MB form", StreamedForm("/items/new", 31L << 20, token));
        yield return Case(Op.FormEdit, "31 MB form", StreamedForm($"/items/{id}/edit", 31L << 20, token));
        yield return Case(Op.FormDelete, "31 MB form", StreamedForm($"/items/{id}/delete", 31L << 20, token));
        yield return Case(Op.FormComment, "31 MB form", StreamedForm($"/items/{id}?handler=Comment", 31L << 20, token));
        yield return Case(Op.FormAreaImport, "201 MB upload", StreamedMultipart("/admin/areas/import", 201L << 20, "Upload", [.. token, ("Confirm", "true")]));
        yield return Case(Op.FormCreate, "5 MB title (over the form value limit)", new HttpRequestMessage(HttpMethod.Post, "/items/new")
        {
            Content = Content(Encoding.UTF8.GetBytes(UrlEncoded([.. token, ("Form.Kind", "kans"), ("Form.Title", new string('t', 5 << 20))])), "application/x-www-form-urlencoded"),
        });
        yield return Case(Op.FormCreate, "2000 form fields (over the count limit)", new HttpRequestMessage(HttpMethod.Post, "/items/new")
        {
            Content = Content(Encoding.UTF8.GetBytes(UrlEncoded([.. token, .. Enumerable.Repeat(("Form.Themes", "jeugd"), 2000)])), "application/x-www-form-urlencoded"),
        });
    }

    /// <summary>
    /// Inputs that once made the server fail (500 or, on PostgreSQL, 503), sent every run whatever the seed.
    /// </summary>
    public IEnumerable<FuzzCase> Regressions(FuzzTarget target)
    {
        var id = target.LiveId ?? 1;
        var token = ("__RequestVerificationToken", antiforgeryToken);
        FuzzCase Case(Op op, string description, HttpRequestMessage request) => new(++number, op, description, request);
        HttpRequestMessage Post(string url, byte[] body, string mediaType) => new(HttpMethod.Post, url) { Content = Content(body, mediaType) };
        static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);
        var ring = "[[[4.74,52.95],[4.76,52.95],[4.76,52.96],[4.74,52.95]]]";

        yield return Case(Op.FormComment, "POST to the item page without a handler", Post($"/items/{id}?handler=", Encoding.UTF8.GetBytes(UrlEncoded([token])), "application/x-www-form-urlencoded"));
        yield return Case(Op.FormComment, "POST to the item page with an unknown handler", Post($"/items/{id}?handler=Delete", Encoding.UTF8.GetBytes(UrlEncoded([token, ("Comment.Text", "x")])), "application/x-www-form-urlencoded"));
        yield return Case(Op.FormCreate, "form key with an unclosed [", Post("/items/new", Encoding.UTF8.GetBytes(UrlEncoded([token, ("Form.Themes[", "jeugd")])), "application/x-www-form-urlencoded"));
        yield return Case(Op.FormDelete, "refused form with a key with an unclosed [", Post($"/items/{id}/delete", "a[b=1"u8.ToArray(), "application/x-www-form-urlencoded"));
        yield return Case(Op.ImportGeoJson, "invalid UTF-8 in the root type", Post("/api/items/import", Latin1("{\"type\":\"Feature\u00ffCollection\",\"features\":[]}"), "application/geo+json"));
        yield return Case(Op.ImportGeoJson, "lone surrogate in a title", Post("/api/items/import", Encoding.UTF8.GetBytes(
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[4.758,52.954]},\"properties\":{\"kind\":\"kans\",\"title\":\"los\\udc00\"}}]}"), "application/geo+json"));
        yield return Case(Op.ApiCreate, "NUL in a theme", Post("/api/items", Encoding.UTF8.GetBytes(Object([.. ValidItemProperties().Where(p => p.Name != "themes"), ("themes", "[\"jeugd\\u0000\"]")])), "application/json"));
        yield return Case(Op.AreaImport, "invalid UTF-8 in the root type", Post("/api/areas/import", Latin1("{\"type\":\"Feature\u00ffCollection\",\"features\":[]}"), "application/geo+json"));
        yield return Case(Op.AreaImport, "invalid UTF-8 in the CRS name", Post("/api/areas/import", Latin1(
            "{\"type\":\"FeatureCollection\",\"crs\":{\"properties\":{\"name\":\"\u00ff28992\"}},\"features\":[{\"type\":\"Feature\",\"properties\":{\"buurtcode\":\"BU0400\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + ring + "}}]}"), "application/geo+json"));
        var withNul = JsonNode.Parse(sampleAreas)!;
        withNul["features"]![0]!["properties"]!["wijknaam"] = "Stad\0binnen de Linie";
        yield return Case(Op.AreaImport, "NUL in an area name", Post("/api/areas/import", Encoding.UTF8.GetBytes(withNul.ToJsonString()), "application/geo+json"));
        yield return Case(Op.ImportMultipart, "multipart without a boundary", Post("/api/items/import", "--x\r\n\r\n"u8.ToArray(), "multipart/form-data"));
        yield return Case(Op.AreaImport, "multipart cut off", Post("/api/areas/import",
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.geojson\"\r\n\r\n{\"type\""u8.ToArray(), "multipart/form-data; boundary=b"));
    }

    static HttpRequestMessage Streamed(string url, long length, string mediaType, string head, string filler)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StreamedContent(length, Encoding.UTF8.GetBytes(head), Encoding.UTF8.GetBytes(filler), []) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        request.Headers.ExpectContinue = true;
        return request;
    }

    static HttpRequestMessage StreamedForm(string url, long length, IEnumerable<(string Name, string Value)> fields) =>
        Streamed(url, length, "application/x-www-form-urlencoded", UrlEncoded(fields) + "&Form.Title=", "t");

    static HttpRequestMessage StreamedMultipart(string url, long length, string fileField, IEnumerable<(string Name, string Value)> fields)
    {
        const string boundary = "----fuzzbig";
        var head = string.Concat(fields.Select(f => $"--{boundary}\r\nContent-Disposition: form-data; name=\"{f.Name}\"\r\n\r\n{f.Value}\r\n")) +
                   $"--{boundary}\r\nContent-Disposition: form-data; name=\"{fileField}\"; filename=\"big.geojson\"\r\nContent-Type: application/geo+json\r\n\r\n" +
                   "{\"type\":\"FeatureCollection\",\"features\":[";
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StreamedContent(length, Encoding.UTF8.GetBytes(head), " "u8.ToArray(), Encoding.UTF8.GetBytes($"]}}\r\n--{boundary}--\r\n")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        request.Headers.ExpectContinue = true;
        return request;
    }

    /// <summary>A body of exactly <c>length</c> bytes: head, filler repeated, tail; written on the fly.</summary>
    sealed class StreamedContent(long length, byte[] head, byte[] filler, byte[] tail) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(head);
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < chunk.Length; i++) chunk[i] = filler[i % filler.Length];
            var remaining = length - head.Length - tail.Length;
            while (remaining > 0)
            {
                var n = (int)Math.Min(chunk.Length, remaining);
                await stream.WriteAsync(chunk.AsMemory(0, n));
                remaining -= n;
            }
            await stream.WriteAsync(tail);
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
