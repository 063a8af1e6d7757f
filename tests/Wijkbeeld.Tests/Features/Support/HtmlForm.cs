using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using static Wijkbeeld.Tests.Features.Support.TestApps;

namespace Wijkbeeld.Tests.Features.Support;

/// <summary>Reads the app's own server-rendered HTML the way a browser without JavaScript would.</summary>
public static partial class Html
{
    /// <summary>GETs a page, checks status and content type, and returns its HTML.</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK) =>
        await (await client.GetAsync(url, Ct)).ReadPageAsync(status);

    public static async Task<string> ReadPageAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    /// <summary>Where a 302 after a POST sends the browser (redirect-after-post).</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}.");
        Assert.NotNull(response.Headers.Location);
        return response.Headers.Location.OriginalString;
    }

    /// <summary>The page with entities decoded, for "the user reads this text" assertions.</summary>
    public static string Text(string html) => System.Net.WebUtility.HtmlDecode(html);

    /// <summary>The page's anti-forgery token, for posting one of several forms on a page.</summary>
    public static string AntiforgeryToken(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>The items in the list of the map page, in order: id and title.</summary>
    public static IReadOnlyList<(int Id, string Title)> ItemLinks(string html) =>
        ItemLink().Matches(html).Select(m => (int.Parse(m.Groups["id"].Value), Decode(m.Groups["title"].Value))).ToList();

    internal static string Decode(string value) => System.Net.WebUtility.HtmlDecode(value);

    internal static Dictionary<string, string> Attributes(string tagAttributes) =>
        Attribute().Matches(tagAttributes).ToDictionary(
            m => m.Groups["name"].Value.ToLowerInvariant(), m => Decode(m.Groups["value"].Value), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("""<a href="/items/(?<id>\d+)" class="item-title">(?<title>.*?)</a>""", RegexOptions.Singleline)]
    private static partial Regex ItemLink();

    [GeneratedRegex("""(?<name>[\w:.-]+)(?:\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s"'>]+)))?""")]
    private static partial Regex Attribute();
}

/// <summary>
/// A POST form from a page, with the values the page rendered (the antiforgery token among them). Change what a user
/// would change, then submit: the client's cookie container already holds the antiforgery cookie from the GET.
/// </summary>
public sealed partial class HtmlForm
{
    readonly List<KeyValuePair<string, string>> fields;

    HtmlForm(string action, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        this.fields = fields;
    }

    public string Action { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;

    /// <summary>GETs <paramref name="url"/> and reads its POST form (the one whose action contains <paramref name="action"/>, if given).</summary>
    public static async Task<HtmlForm> LoadAsync(HttpClient client, string url, string? action = null) =>
        Parse(await client.GetPageAsync(url), url, action);

    public static HtmlForm Parse(string html, string pageUrl, string? action = null)
    {
        var forms = Form().Matches(html)
            .Select(m => (Attributes: Html.Attributes(m.Groups["attrs"].Value), Body: m.Groups["body"].Value))
            .Where(f => string.Equals(f.Attributes.GetValueOrDefault("method"), "post", StringComparison.OrdinalIgnoreCase))
            // The sign-out button in the header is a form on every page of a signed-in person.
            .Where(f => f.Attributes.GetValueOrDefault("class") != "nav-form")
            .Where(f => action is null || f.Attributes.GetValueOrDefault("action")?.Contains(action, StringComparison.Ordinal) == true)
            .ToList();
        var form = Assert.Single(forms);
        return new HtmlForm(form.Attributes.GetValueOrDefault("action") ?? pageUrl, ReadFields(form.Body));
    }

    public string? Get(string name) => fields.FirstOrDefault(f => f.Key == name).Value;

    public IReadOnlyList<string> GetAll(string name) => fields.Where(f => f.Key == name).Select(f => f.Value).ToList();

    /// <summary>Replaces every value of a field (several values for checkboxes).</summary>
    public HtmlForm Set(string name, params string[] values)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.AddRange(values.Select(v => KeyValuePair.Create(name, v)));
        return this;
    }

    public Task<HttpResponseMessage> SubmitAsync(HttpClient client) =>
        client.PostAsync(Action, new FormUrlEncodedContent(fields), Ct);

    public Task<HttpResponseMessage> SubmitWithFileAsync(HttpClient client, string fileField, string fileName, byte[] content, string mediaType)
    {
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        body.Add(file, fileField, fileName);
        return client.PostAsync(Action, body, Ct);
    }

    static List<KeyValuePair<string, string>> ReadFields(string body)
    {
        var found = new List<(int Position, string Name, string Value)>();
        foreach (Match input in Input().Matches(body))
        {
            var a = Html.Attributes(input.Groups["attrs"].Value);
            var type = a.GetValueOrDefault("type")?.ToLowerInvariant() ?? "text";
            if (!a.TryGetValue("name", out var name) || a.ContainsKey("disabled") ||
                type is "submit" or "button" or "image" or "reset" or "file" ||
                (type is "checkbox" or "radio" && !a.ContainsKey("checked")))
            {
                continue;
            }
            found.Add((input.Index, name, a.GetValueOrDefault("value") ?? (type is "checkbox" or "radio" ? "on" : "")));
        }
        foreach (Match textarea in Textarea().Matches(body))
        {
            if (Html.Attributes(textarea.Groups["attrs"].Value).TryGetValue("name", out var name))
            {
                var text = Html.Decode(textarea.Groups["text"].Value);
                found.Add((textarea.Index, name, text.StartsWith('\n') ? text[1..] : text));
            }
        }
        foreach (Match select in Select().Matches(body))
        {
            if (!Html.Attributes(select.Groups["attrs"].Value).TryGetValue("name", out var name))
            {
                continue;
            }
            var options = Option().Matches(select.Groups["body"].Value)
                .Select(o => (Attributes: Html.Attributes(o.Groups["attrs"].Value), Text: Html.Decode(o.Groups["text"].Value).Trim()))
                .ToList();
            // A browser sends the selected option, or the first one when none is selected.
            var chosen = options.FirstOrDefault(o => o.Attributes.ContainsKey("selected"));
            if (chosen.Attributes is null && options.Count > 0)
            {
                chosen = options[0];
            }
            if (chosen.Attributes is not null)
            {
                found.Add((select.Index, name, chosen.Attributes.GetValueOrDefault("value") ?? chosen.Text));
            }
        }
        return found.OrderBy(f => f.Position).Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList();
    }

    [GeneratedRegex(@"<form\b(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex(@"<input\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex(@"<textarea\b(?<attrs>[^>]*)>(?<text>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Textarea();

    [GeneratedRegex(@"<select\b(?<attrs>[^>]*)>(?<body>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Select();

    [GeneratedRegex(@"<option\b(?<attrs>[^>]*)>(?<text>.*?)</option>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Option();
}
