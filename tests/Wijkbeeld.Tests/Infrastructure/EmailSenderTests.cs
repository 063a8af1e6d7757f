using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Wijkbeeld.Infrastructure.Email;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Infrastructure;

/// <summary>
/// The app's e-mail sender (registered as the app does, with <see cref="EmailExtensions.AddWijkbeeldEmail"/>) against a
/// real SMTP server on loopback: what arrives, UTF-8 Dutch text, login, and clear failures that never throw.
/// </summary>
public sealed class EmailSenderTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>
{
    const string Dutch = "Één overzicht voor coördinatoren in ’s-Gravenzande: café, reünie, geïnteresseerd, € 12,50 — “welkom”.";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string NewAddress(string name = "anouk") => $"{name}.{Guid.NewGuid().ToString("N")[..8]}@example.nl";

    /// <summary>The e-mail services as the app registers them, with these settings and a log that tests can read.</summary>
    static ServiceProvider Services(IDictionary<string, string?> settings, LogCollector? logs = null, string? contentRoot = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot ?? Path.GetTempPath(), EnvironmentName = "Production",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (logs is not null) builder.Logging.AddProvider(logs);
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddWijkbeeldEmail();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_mail_arrives_with_its_recipient_subject_text_and_HTML_in_UTF_8()
    {
        await using var services = Services(smtp.AppSettings);
        var to = NewAddress();

        var result = await services.GetRequiredService<IEmailSender>().SendAsync(
            $"Anouk de Vries <{to}>", "Uitnodiging – Wijkbeeld Den Helder", Dutch, $"<p>{Dutch}</p>", Ct);

        Assert.Equal(new EmailResult(EmailOutcome.Sent), result);
        var mail = await smtp.WaitForMessageAsync(to);
        Assert.Equal([to], mail.To);
        Assert.Equal("wijkbeeld@test.example", mail.From);
        Assert.Equal("Uitnodiging – Wijkbeeld Den Helder", mail.Subject);
        Assert.Equal(Dutch, mail.TextBody!.TrimEnd());
        Assert.Equal($"<p>{Dutch}</p>", mail.HtmlBody!.TrimEnd());
        Assert.Equal("Anouk de Vries", Assert.IsType<MailboxAddress>(Assert.Single(mail.Message.To)).Name);
        Assert.Equal("Wijkbeeld Test", Assert.IsType<MailboxAddress>(Assert.Single(mail.Message.From)).Name);
        Assert.Equal("auto-generated", mail.Message.Headers["Auto-Submitted"]);
        Assert.All(mail.Message.BodyParts.OfType<TextPart>(), part => Assert.Equal("utf-8", part.ContentType.Charset, ignoreCase: true));
    }

    [Fact]
    public async Task A_text_only_mail_has_no_HTML_part()
    {
        await using var services = Services(smtp.AppSettings);
        var to = NewAddress("kees");

        await services.GetRequiredService<IEmailSender>().SendAsync(to, "Overzicht", "Alleen tekst.", ct: Ct);

        var mail = await smtp.WaitForMessageAsync(to);
        Assert.Equal("Alleen tekst.", mail.TextBody!.TrimEnd());
        Assert.Null(mail.HtmlBody);
    }

    [Fact]
    public async Task A_template_mail_arrives_as_text_and_HTML_with_the_same_content_and_the_link()
    {
        await using var services = Services(smtp.AppSettings);
        var templates = services.GetRequiredService<EmailTemplates>();
        var to = NewAddress("fatma");
        var link = new Uri("https://wijkbeeld.example/uitnodiging?code=a1b2&naam=Fatma");
        var content = templates.Compose("Uw uitnodiging voor Wijkbeeld", "Fatma Yılmaz",
            ["De coördinator van Welzijn Den Helder nodigt u uit.", "De link werkt 7 dagen.\nDaarna vraagt u een nieuwe aan."],
            new EmailAction("Account maken", link), ["Met vriendelijke groet,\nWijkbeeld Den Helder"]);

        await services.GetRequiredService<IEmailSender>().SendAsync(to, content, Ct);

        var mail = await smtp.WaitForMessageAsync(to);
        Assert.Equal("Uw uitnodiging voor Wijkbeeld", mail.Subject);
        var text = mail.TextBody!;
        Assert.StartsWith("Beste Fatma Yılmaz,\n\nDe coördinator van Welzijn Den Helder nodigt u uit.", text.ReplaceLineEndings("\n"));
        Assert.Contains("Account maken:\n" + link.AbsoluteUri, text.ReplaceLineEndings("\n"));
        Assert.Contains("Deze e-mail komt van Wijkbeeld. U kunt niet op deze e-mail antwoorden.", text);
        var html = mail.HtmlBody!;
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Contains("Beste Fatma Yılmaz,", html);
        Assert.Contains("De link werkt 7 dagen.<br>Daarna vraagt u een nieuwe aan.", html);
        Assert.Contains("href=\"https://wijkbeeld.example/uitnodiging?code=a1b2&amp;naam=Fatma\"", html);
        Assert.Contains(">Account maken</a>", html);
    }

    [Fact]
    public void Template_text_is_HTML_encoded_and_only_web_links_are_allowed()
    {
        using var services = Services(new Dictionary<string, string?>());
        var templates = services.GetRequiredService<EmailTemplates>();

        var content = templates.Compose("<b>Onderwerp</b>", null, ["<script>alert(1)</script> & meer"]);

        Assert.StartsWith("Hallo,", content.Text);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer", content.Html);
        Assert.DoesNotContain("<script>", content.Html);
        Assert.Contains("<title>&lt;b&gt;Onderwerp&lt;/b&gt;</title>", content.Html);
        Assert.Throws<ArgumentException>(() => templates.Compose("x", null, [], new EmailAction("Klik", new Uri("javascript:alert(1)"))));
    }

    [Fact]
    public async Task With_a_user_name_the_sender_logs_in()
    {
        await using var secured = await SmtpTestServer.StartAsync("wijkbeeld", "geheim-wachtwoord");
        await using var services = Services(secured.AppSettings);
        var to = NewAddress();

        var result = await services.GetRequiredService<IEmailSender>().SendAsync(to, "Wachtwoord herstellen", "Tekst", ct: Ct);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("wijkbeeld", (await secured.WaitForMessageAsync(to)).AuthenticatedUser);
    }

    [Fact]
    public async Task A_wrong_password_fails_clearly_and_is_logged()
    {
        await using var secured = await SmtpTestServer.StartAsync("wijkbeeld", "geheim-wachtwoord");
        var logs = new LogCollector();
        await using var services = Services(new Dictionary<string, string?>(secured.AppSettings) { ["Email:Smtp:Password"] = "fout" }, logs);

        var result = await services.GetRequiredService<IEmailSender>().SendAsync(NewAddress(), "Test", "Tekst", ct: Ct);

        Assert.Equal(EmailOutcome.Failed, result.Outcome);
        Assert.Contains("refused the user name or password", result.Error);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("refused the user name or password"));
        Assert.Empty(secured.Messages);
    }

    [Fact]
    public async Task An_unreachable_SMTP_server_gives_a_clear_logged_error_and_does_not_throw()
    {
        var logs = new LogCollector();
        var port = SmtpTestServer.FreePort();
        await using var services = Services(new Dictionary<string, string?>(smtp.AppSettings) { ["Email:Smtp:Port"] = port.ToString() }, logs);
        var to = NewAddress();

        var result = await services.GetRequiredService<IEmailSender>().SendAsync(to, "Overzicht van de week", "Tekst", ct: Ct);

        Assert.Equal(EmailOutcome.Failed, result.Outcome);
        Assert.Equal($"Cannot reach the SMTP server 127.0.0.1:{port} (ConnectionRefused). Check Email:Smtp:Host and Email:Smtp:Port.", result.Error);
        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(to, entry.Message);
        Assert.Contains("Overzicht van de week", entry.Message);
        Assert.Contains($"127.0.0.1:{port}", entry.Message);
    }

    [Fact]
    public async Task TLS_required_against_a_server_without_STARTTLS_fails_clearly()
    {
        await using var services = Services(new Dictionary<string, string?>(smtp.AppSettings) { ["Email:Smtp:UseTls"] = "true" });

        var result = await services.GetRequiredService<IEmailSender>().SendAsync(NewAddress(), "Test", "Tekst", ct: Ct);

        Assert.Equal(EmailOutcome.Failed, result.Outcome);
        Assert.Contains("does not offer STARTTLS", result.Error);
    }

    [Fact]
    public async Task A_server_without_a_sender_address_is_a_clear_configuration_error()
    {
        await using var services = Services(new Dictionary<string, string?>(smtp.AppSettings) { ["Email:Smtp:From"] = null });

        var result = await services.GetRequiredService<IEmailSender>().SendAsync(NewAddress(), "Test", "Tekst", ct: Ct);

        Assert.Equal(EmailOutcome.Failed, result.Outcome);
        Assert.Contains("Email:Smtp:From", result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("geen adres")]
    [InlineData("anouk@")]
    public async Task A_bad_recipient_fails_without_contacting_the_server(string to)
    {
        var before = smtp.Messages.Count;
        await using var services = Services(smtp.AppSettings);

        var result = await services.GetRequiredService<IEmailSender>().SendAsync(to, "Test", "Tekst", ct: Ct);

        Assert.Equal(EmailOutcome.Failed, result.Outcome);
        Assert.Contains("is not an e-mail address", result.Error);
        Assert.Equal(before, smtp.Messages.Count);
    }

    [Fact]
    public async Task Without_an_SMTP_host_the_mail_is_logged_and_written_to_the_pickup_folder()
    {
        var root = Directory.CreateTempSubdirectory("wijkbeeld-mail-").FullName;
        try
        {
            var logs = new LogCollector();
            await using var services = Services(new Dictionary<string, string?>(), logs, contentRoot: root);

            var result = await services.GetRequiredService<IEmailSender>().SendAsync("jan@example.nl", "Welkom", Dutch, "<p>Welkom</p>", Ct);

            Assert.Equal(EmailOutcome.WrittenToPickup, result.Outcome);
            var file = Assert.Single(Directory.GetFiles(Path.Combine(root, "data", "mail"), "*.eml"));
            Assert.Equal(file, result.PickupFile);
            var message = await MimeMessage.LoadAsync(file, Ct);
            Assert.Equal(("Welkom", "jan@example.nl"), (message.Subject, message.To.Mailboxes.Single().Address));
            Assert.Equal(Dutch, message.TextBody?.TrimEnd());
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains(file) && e.Message.Contains(Dutch));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>The app through <see cref="WijkbeeldApp"/>: Program.cs registers the sender and it reads the Email__Smtp__* settings.</summary>
public sealed class EmailAppTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>
{
    [Fact]
    public async Task The_running_app_sends_through_the_configured_SMTP_server()
    {
        await using var app = new WijkbeeldApp(extraSettings: smtp.AppSettings);
        _ = app.Server;
        var to = $"lead.{Guid.NewGuid().ToString("N")[..8]}@example.nl";
        var content = app.Services.GetRequiredService<EmailTemplates>().Compose("Wekelijks overzicht", "Sanne", ["Er zijn 3 nieuwe signalen in Julianadorp."]);

        var result = await app.Services.GetRequiredService<IEmailSender>().SendAsync(to, content, TestContext.Current.CancellationToken);

        Assert.Equal(EmailOutcome.Sent, result.Outcome);
        var mail = await smtp.WaitForMessageAsync(to);
        Assert.Contains("Er zijn 3 nieuwe signalen in Julianadorp.", mail.TextBody);
    }
}

/// <summary>Keeps what is logged, so a test can check that a failure was logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    readonly List<(LogLevel Level, string Category, string Message)> entries = [];

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries
    {
        get { lock (entries) return entries.ToList(); }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.entries) owner.entries.Add((logLevel, category, formatter(state, exception)));
        }
    }
}
