using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Wijkbeeld.Infrastructure.Email;

public enum EmailOutcome { Sent, WrittenToPickup, Failed }

/// <summary>What became of a mail. <see cref="Error"/> (English, for logs) says why it failed.</summary>
public sealed record EmailResult(EmailOutcome Outcome, string? Error = null, string? PickupFile = null)
{
    public bool Succeeded => Outcome != EmailOutcome.Failed;
}

/// <summary>
/// Sends one mail (plain text, optionally HTML) to one person. Never throws for a mail that cannot be sent: the
/// result says so and the reason is logged, so an invitation or digest never crashes a request or a job.
/// </summary>
public interface IEmailSender
{
    Task<EmailResult> SendAsync(string to, string subject, string textBody, string? htmlBody = null, CancellationToken ct = default);
}

public static class EmailSenderExtensions
{
    /// <summary>Sends a mail made with <see cref="EmailTemplates"/>.</summary>
    public static Task<EmailResult> SendAsync(this IEmailSender sender, string to, EmailContent content, CancellationToken ct = default) =>
        sender.SendAsync(to, content.Subject, content.Text, content.Html, ct);
}

/// <summary>
/// MailKit over SMTP (settings <c>Email:Smtp:*</c>). Without <c>Email:Smtp:Host</c> (development) nothing is sent:
/// the mail is logged and written as an .eml file to <c>Email:PickupDirectory</c> (default data/mail).
/// </summary>
public sealed class EmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<EmailSender> log)
    : IEmailSender
{
    const string PickupSender = "Wijkbeeld <noreply@localhost>";

    public async Task<EmailResult> SendAsync(string to, string subject, string textBody, string? htmlBody = null, CancellationToken ct = default)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        if (!MailboxAddress.TryParse(to, out var recipient) || !recipient.Address.Contains('@'))
        {
            return Failed($"'{to}' is not an e-mail address.", to, subject);
        }
        var pickup = string.IsNullOrWhiteSpace(smtp.Host);
        // Without a host (development) a placeholder sender will do; a real server needs a real sender.
        var sender = pickup && string.IsNullOrWhiteSpace(smtp.From) ? PickupSender : smtp.From;
        if (!MailboxAddress.TryParse(sender, out var from) || !from.Address.Contains('@'))
        {
            return Failed($"Email:Smtp:From '{smtp.From}' is not an e-mail address; set it to the sender of Wijkbeeld's mail.", to, subject);
        }

        var message = new MimeMessage { Subject = subject, Date = clock.GetUtcNow() };
        message.From.Add(from);
        message.To.Add(recipient);
        // Mail from a machine: out-of-office replies and the like should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = textBody, HtmlBody = htmlBody }.ToMessageBody();

        if (pickup)
        {
            return await WriteToPickupAsync(settings, message, textBody, ct);
        }

        using var client = new SmtpClient { Timeout = Math.Max(1, smtp.TimeoutSeconds) * 1000 };
        var security = !smtp.UseTls ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
            }
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
            log.LogInformation("E-mail '{Subject}' sent to {To} via {Host}:{Port}.", subject, recipient.Address, smtp.Host, smtp.Port);
            return new(EmailOutcome.Sent);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return Failed(Describe(e, smtp), to, subject, e);
        }
    }

    EmailResult Failed(string reason, string to, string subject, Exception? e = null)
    {
        log.LogError(e, "E-mail '{Subject}' to {To} not sent: {Reason}", subject, to, reason);
        return new(EmailOutcome.Failed, reason);
    }

    static string Describe(Exception e, SmtpOptions smtp)
    {
        var server = $"SMTP server {smtp.Host}:{smtp.Port}";
        return e switch
        {
            SocketException s => $"Cannot reach the {server} ({s.SocketErrorCode}). Check Email:Smtp:Host and Email:Smtp:Port.",
            TimeoutException or OperationCanceledException => $"The {server} did not answer within {smtp.TimeoutSeconds} s.",
            AuthenticationException => $"The {server} refused the user name or password (Email:Smtp:Username, Email:Smtp:Password).",
            SslHandshakeException => $"No secure connection with the {server}: {e.Message}",
            NotSupportedException when smtp.UseTls => $"The {server} does not offer STARTTLS; set Email:Smtp:UseTls to false only for a local relay.",
            SmtpCommandException c => $"The {server} refused the mail ({(int)c.StatusCode}): {c.Message}",
            _ => $"Sending via the {server} failed: {e.Message}",
        };
    }

    async Task<EmailResult> WriteToPickupAsync(EmailOptions settings, MimeMessage message, string textBody, CancellationToken ct)
    {
        var directory = Path.Combine(environment.ContentRootPath, settings.PickupDirectory);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid().ToString("N")[..8]}.eml");
        await message.WriteToAsync(file, ct);
        log.LogInformation(
            "No SMTP host set (Email:Smtp:Host): e-mail not sent, written to {File}.{NewLine}To: {To}{NewLine}Subject: {Subject}{NewLine}{NewLine}{Text}",
            file, Environment.NewLine, message.To, Environment.NewLine, message.Subject, Environment.NewLine, Environment.NewLine, textBody);
        return new(EmailOutcome.WrittenToPickup, PickupFile: file);
    }
}
