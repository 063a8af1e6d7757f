using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;

namespace Wijkbeeld.Infrastructure.Email;

/// <summary>A ready mail: subject, plain text and HTML with the same content.</summary>
public sealed record EmailContent(string Subject, string Text, string Html);

/// <summary>The one thing a mail asks the reader to do, as a button (HTML) or a line with the link (text).</summary>
public sealed record EmailAction(string Label, Uri Url);

/// <summary>
/// Builds Dutch mails in one simple layout (greeting, paragraphs, an optional button, a closing line and the footer),
/// as plain text and as HTML, for invitations, password resets and digests. All text is HTML-encoded.
/// </summary>
public sealed class EmailTemplates(IStringLocalizer<Texts> text)
{
    public EmailContent Compose(
        string subject, string? recipientName, IEnumerable<string> paragraphs, EmailAction? action = null, IEnumerable<string>? closing = null)
    {
        if (action is not null && action.Url is not { IsAbsoluteUri: true, Scheme: "https" or "http" })
        {
            throw new ArgumentException("A mail link must be an absolute http(s) address.", nameof(action));
        }
        var greeting = string.IsNullOrWhiteSpace(recipientName) ? text["Email.GreetingAnonymous"].Value : text["Email.Greeting", recipientName.Trim()].Value;
        var body = paragraphs.ToList();
        var after = (closing ?? []).ToList();
        var footer = text["Email.Footer"].Value;

        var plain = new StringBuilder();
        plain.Append(greeting).Append("\n\n");
        foreach (var p in body) plain.Append(p).Append("\n\n");
        if (action is not null) plain.Append(action.Label).Append(":\n").Append(action.Url.AbsoluteUri).Append("\n\n");
        foreach (var p in after) plain.Append(p).Append("\n\n");
        plain.Append("-- \n").Append(footer).Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>")
            .Append(Encode(subject)).Append("</title></head>\n")
            .Append("<body style=\"margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5\">\n")
            .Append("<div style=\"max-width:600px;margin:0 auto\">\n");
        html.Append("<p>").Append(Encode(greeting)).Append("</p>\n");
        foreach (var p in body) html.Append("<p>").Append(Encode(p)).Append("</p>\n");
        if (action is not null)
        {
            var url = Encode(action.Url.AbsoluteUri);
            html.Append("<p><a href=\"").Append(url).Append("\" style=\"display:inline-block;padding:10px 18px;background:#01689b;color:#ffffff;")
                .Append("text-decoration:none;font-weight:bold;border-radius:4px\">").Append(Encode(action.Label)).Append("</a></p>\n")
                .Append("<p style=\"font-size:14px;color:#4a4a4a\">").Append(Encode(text["Email.LinkFallback"].Value))
                .Append("<br><a href=\"").Append(url).Append("\" style=\"color:#01689b;word-break:break-all\">").Append(url).Append("</a></p>\n");
        }
        foreach (var p in after) html.Append("<p>").Append(Encode(p)).Append("</p>\n");
        html.Append("<hr style=\"border:0;border-top:1px solid #8c8c8c;margin:24px 0 8px\">\n")
            .Append("<p style=\"font-size:13px;color:#4a4a4a\">").Append(Encode(footer)).Append("</p>\n</div>\n</body>\n</html>\n");

        return new EmailContent(subject, plain.ToString(), html.ToString());
    }

    /// <summary>Encodes text for HTML and keeps its line breaks.</summary>
    static string Encode(string value) => WebUtility.HtmlEncode(value).Replace("\r\n", "\n").Replace("\n", "<br>");
}
