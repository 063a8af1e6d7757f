using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Wijkbeeld.Tests.Features.Accounts;

/// <summary>Mails that accounts depend on, through a real SMTP server: the invitation and the password reset.</summary>
public sealed class MailTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>, IDisposable
{
    readonly WijkbeeldApp app = new(extraSettings: smtp.AppSettings);

    HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    static string LinkIn(ReceivedMail mail, string path) =>
        new Uri(Regex.Match(mail.TextBody!, $@"https?://\S+{Regex.Escape(path)}\S*").Value).PathAndQuery;

    [Fact]
    public async Task An_invitation_arrives_by_mail_with_a_link_that_makes_the_account()
    {
        var coordinator = await app.CreateClientAsAsync(Roles.Coordinator);
        var email = $"uitgenodigd-{Guid.NewGuid():N}@example.nl";

        var invited = await coordinator.PostAsJsonAsync("/api/invitations", new { email, name = "Fatima", role = "lezer" }, TestApps.Ct);
        Assert.Equal(HttpStatusCode.Forbidden, invited.StatusCode);
        var session = await (await coordinator.GetAsync("/api/session", TestApps.Ct)).ReadOkAsync<SessionShape>();
        (await coordinator.PostAsJsonAsync("/api/invitations", new { email, name = "Fatima", role = "lezer", organisationId = session.OrganisationId }, TestApps.Ct))
            .EnsureSuccessStatusCode();

        var mail = await smtp.WaitForMessageAsync(email);
        Assert.Equal("Uitnodiging voor Wijkbeeld", mail.Subject);
        Assert.Contains("Fatima", mail.TextBody);
        var browser = Browser();
        var form = await HtmlForm.LoadAsync(browser, LinkIn(mail, "/uitnodiging/"));
        var done = await form.Set("Password", "een lange zin als wachtwoord").Set("Repeat", "een lange zin als wachtwoord").SubmitAsync(browser);
        Assert.Equal("/account", done.RedirectTarget());
    }

    [Fact]
    public async Task A_reset_link_by_mail_sets_a_new_password_and_an_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var account = await app.CreateAccountAsync(Roles.Professional);
        var browser = Browser();

        var unknown = await (await HtmlForm.LoadAsync(browser, "/wachtwoord-vergeten")).Set("Email", "niemand@example.nl").SubmitAsync(browser);
        var known = await (await HtmlForm.LoadAsync(browser, "/wachtwoord-vergeten")).Set("Email", account.Email).SubmitAsync(browser);
        Assert.Equal(Html.Text(await unknown.ReadPageAsync()), Html.Text(await known.ReadPageAsync()));

        var mail = await smtp.WaitForMessageAsync(account.Email);
        Assert.DoesNotContain(smtp.Messages, m => m.To.Contains("niemand@example.nl"));
        var link = LinkIn(mail, "/wachtwoord-herstellen");
        var form = await HtmlForm.LoadAsync(browser, link);
        var different = await form.Set("Password", "nieuwe lange zin als wachtwoord").Set("Repeat", "iets anders").SubmitAsync(browser);
        Assert.Contains("niet hetzelfde", Html.Text(await different.ReadPageAsync(HttpStatusCode.BadRequest)));
        var saved = await form.Set("Repeat", "nieuwe lange zin als wachtwoord").SubmitAsync(browser);
        Assert.Contains("Uw wachtwoord is veranderd", Html.Text(await saved.ReadPageAsync()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Browser().SignInAsync(account.Email, account.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Browser().SignInAsync(account.Email, "nieuwe lange zin als wachtwoord")).StatusCode);
        var again = await form.SubmitAsync(browser);
        Assert.Contains("niet (meer) geldig", Html.Text(await again.ReadPageAsync(HttpStatusCode.BadRequest)));
    }

    public void Dispose() => app.Dispose();
}
