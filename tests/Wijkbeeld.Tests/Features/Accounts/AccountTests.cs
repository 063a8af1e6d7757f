using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Wijkbeeld.Features.Accounts;

namespace Wijkbeeld.Tests.Features.Accounts;

public sealed record SessionShape(int Id, string Name, string Email, string Role, int? OrganisationId, string? Organisation);

public sealed record InvitationShape(string Email, string Role, int? OrganisationId, DateTime ExpiresAt, string Link);

/// <summary>Signing in, lockout, invitations, two-factor sign-in, roles, and a person's own data.</summary>
public sealed class AccountTests(SqliteApp shared) : AppTests(shared), IClassFixture<SqliteApp>
{
    HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    async Task<InvitationShape> InviteAsync(HttpClient by, string role = "professional", int? organisationId = null) =>
        await (await by.PostAsJsonAsync("/api/invitations", new
        {
            email = $"nieuw-{Guid.NewGuid():N}@example.nl", name = "Nieuwe Collega", role, organisationId,
        }, Ct)).ReadOkAsync<InvitationShape>(HttpStatusCode.Created);

    static string PathOf(InvitationShape invitation) => new Uri(invitation.Link).PathAndQuery;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_also_for_the_right_password()
    {
        var account = await App.CreateAccountAsync(Roles.Professional);
        var client = Browser();
        for (var i = 0; i < 5; i++)
        {
            await (await client.SignInAsync(account.Email, "dit is het verkeerde wachtwoord")).AssertProblemAsync(HttpStatusCode.Unauthorized, "Niet ingelogd");
        }

        var locked = await client.SignInAsync(account.Email, account.Password);

        var problem = await locked.AssertProblemAsync(HttpStatusCode.Unauthorized, "Niet ingelogd");
        Assert.Contains("geblokkeerd", problem.Detail);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/session", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_login_page_says_what_is_wrong_in_Dutch_and_never_redirects_to_another_site()
    {
        var account = await App.CreateAccountAsync(Roles.Reader);
        var browser = Browser();
        var form = await HtmlForm.LoadAsync(browser, "/inloggen?ReturnUrl=https://elders.example/pagina");

        var wrong = await form.Set("Email", account.Email).Set("Password", "fout").SubmitAsync(browser);
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", Html.Text(await wrong.ReadPageAsync(HttpStatusCode.BadRequest)));

        var right = await form.Set("Password", account.Password).SubmitAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.RedirectTarget());
    }

    [Fact]
    public async Task A_forged_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        var account = await App.CreateAccountAsync(Roles.Reader);
        var browser = Browser();
        var form = await HtmlForm.LoadAsync(browser, "/inloggen");

        var response = await form.Set("__RequestVerificationToken", "vervalst").Set("Email", account.Email).Set("Password", account.Password).SubmitAsync(browser);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/session", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_invited_person_sets_a_password_and_is_signed_in_with_the_role_and_organisation()
    {
        var coordinator = await App.CreateClientAsAsync(Roles.Coordinator);
        var organisation = (await (await coordinator.GetAsync("/api/session", Ct)).ReadOkAsync<SessionShape>()).OrganisationId;
        var invitation = await InviteAsync(coordinator, organisationId: organisation);
        Assert.InRange(invitation.ExpiresAt, DateTime.UtcNow.AddDays(6), DateTime.UtcNow.AddDays(8));
        var browser = Browser();

        var form = await HtmlForm.LoadAsync(browser, PathOf(invitation));
        var tooShort = await form.Set("Password", "kort").Set("Repeat", "kort").SubmitAsync(browser);
        Assert.Contains("minstens 12 tekens", Html.Text(await tooShort.ReadPageAsync(HttpStatusCode.BadRequest)));
        var done = await form.Set("Password", "een lange zin als wachtwoord").Set("Repeat", "een lange zin als wachtwoord").SubmitAsync(browser);

        Assert.Equal("/account", done.RedirectTarget());
        var session = await (await browser.GetAsync("/api/session", Ct)).ReadOkAsync<SessionShape>();
        Assert.Equal(("professional", organisation, invitation.Email), (session.Role, session.OrganisationId, session.Email));
        Assert.Contains("al gebruikt", Html.Text(await Browser().GetPageAsync(PathOf(invitation), HttpStatusCode.Gone)));
    }

    [Fact]
    public async Task An_expired_invitation_is_explained_and_makes_no_account()
    {
        var invitation = await InviteAsync(Client, organisationId: null);
        await App.WithDbAsync(db => db.Invitations.Where(i => i.Email == invitation.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct));
        var browser = Browser();

        var page = await browser.GetPageAsync(PathOf(invitation), HttpStatusCode.Gone);
        var post = await browser.PostAsync(PathOf(invitation), new FormUrlEncodedContent([]), Ct);

        Assert.Contains("verlopen", Html.Text(page));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == invitation.Email, Ct)));
    }

    [Fact]
    public async Task A_coordinator_manages_people_of_their_own_organisation_only_and_never_makes_administrators()
    {
        var coordinator = await App.CreateClientAsAsync(Roles.Coordinator);
        var own = await App.CreateAccountAsync(Roles.Reader);
        var other = await App.CreateAccountAsync(Roles.Reader, TestAccounts.Police);
        Task<HttpResponseMessage> SetRole(TestAccount account, string role) =>
            coordinator.PutAsJsonAsync($"/api/users/{account.Id}/role", new { role }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, (await SetRole(own, "beheerder")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SetRole(other, "professional")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync("/api/invitations",
            new { email = "x@example.nl", role = "beheerder", organisationId = own.OrganisationId }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SetRole(own, "professional")).StatusCode);

        var audit = await (await Client.GetAsync($"/api/audit?type=account&id={own.Id}", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(audit, a => a.Action == "rol-gewijzigd" && a.After?.Contains("professional", StringComparison.Ordinal) == true && a.UserName == "Test coordinator");
        Assert.Contains(audit, a => a.Action == "rol-gewijzigd" && a.Before?.Contains("lezer", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Two_factor_sign_in_asks_for_the_code_from_the_app()
    {
        var account = await App.CreateAccountAsync(Roles.Professional);
        var browser = Browser();
        await browser.SignInAsync(account);
        var page = await browser.GetPageAsync("/account");
        var key = Regex.Match(page, "<code>([A-Z2-7]+)</code>").Groups[1].Value;
        Assert.NotEmpty(key);
        Assert.Contains("data:image/png;base64,", page);

        var wrong = await HtmlForm.Parse(page, "/account", "EnableTwoFactor").Set("Code", "000000").SubmitAsync(browser);
        Assert.Contains("De code klopt niet", Html.Text(await wrong.ReadPageAsync(HttpStatusCode.BadRequest)));
        var enable = await HtmlForm.Parse(page, "/account", "EnableTwoFactor").Set("Code", Totp(key)).SubmitAsync(browser);
        Assert.Contains("staat nu aan", Html.Text(await enable.ReadPageAsync()));

        var other = Browser();
        var withoutCode = await other.SignInAsync(account.Email, account.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/session", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await other.SignInAsync(account.Email, account.Password, Totp(key))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/session", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_person_downloads_their_data_and_deleting_the_account_keeps_their_comments_as_deleted_user()
    {
        var account = await App.CreateAccountAsync(Roles.Professional);
        var browser = Browser();
        await browser.SignInAsync(account);
        var tag = TestApps.UniqueTag();
        var item = await browser.CreateItemAsync(NewItem.At(Places.Centrum, $"Van mij {tag}"));
        await (await browser.CommentAsync(item.Id, $"Mijn update {tag}")).ReadOkAsync<ItemShape>();

        var data = await browser.GetStringAsync("/account/gegevens", Ct);
        Assert.Contains(account.Email, data);
        Assert.Contains($"Mijn update {tag}", data);

        var page = await browser.GetPageAsync("/account");
        var wrong = await HtmlForm.Parse(page, "/account", "Delete").Set("Password", "niet mijn wachtwoord").SubmitAsync(browser);
        Assert.Contains("Uw account is niet verwijderd", Html.Text(await wrong.ReadPageAsync(HttpStatusCode.BadRequest)));
        var deleted = await HtmlForm.Parse(page, "/account", "Delete").Set("Password", account.Password).SubmitAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Browser().SignInAsync(account.Email, account.Password)).StatusCode);
        var kept = await Client.GetItemAsync(item.Id);
        Assert.All(kept.Updates!, u => Assert.Equal("verwijderde gebruiker", u.Author));
        Assert.Contains(kept.Updates!, u => u.Text == $"Mijn update {tag}");
    }

    [Fact]
    public async Task A_reader_reads_but_cannot_write()
    {
        var reader = await App.CreateClientAsAsync(Roles.Reader);

        Assert.NotEmpty(await reader.AllItemsAsync());
        var response = await App.AssertChangesNothingAsync(() => reader.PostItemAsync(NewItem.At(Places.Centrum, "Lezer")));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "Geen toegang");
    }

    static FormUrlEncodedContent PageForm(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Html.AntiforgeryToken(page);
        return new FormUrlEncodedContent(fields);
    }

    [Fact]
    public async Task On_the_organisations_page_a_coordinator_invites_and_changes_roles_of_their_own_people_only()
    {
        var browser = NewBrowser(Roles.Coordinator);
        var member = await App.CreateAccountAsync(Roles.Reader);
        var outsider = await App.CreateAccountAsync(Roles.Reader, TestAccounts.Police);
        var page = await browser.GetPageAsync("/beheer/organisaties");
        Assert.Contains(member.Email, page);
        Assert.DoesNotContain(outsider.Email, page);

        var changed = await browser.PostAsync("/beheer/organisaties?handler=Role",
            PageForm(page, new() { ["UserId"] = member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Role"] = "professional" }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var refused = await browser.PostAsync("/beheer/organisaties?handler=Role",
            PageForm(page, new() { ["UserId"] = outsider.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Role"] = "professional" }), Ct);
        Assert.Contains("U mag deze rol niet geven", Html.Text(await refused.ReadPageAsync(HttpStatusCode.Forbidden)));
        var invited = await browser.PostAsync("/beheer/organisaties?handler=Invite", PageForm(page, new()
        {
            ["Email"] = $"collega-{Guid.NewGuid():N}@example.nl", ["Name"] = "Collega", ["Role"] = "lezer",
            ["OrganisationId"] = member.OrganisationId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), Ct);
        Assert.Contains("/uitnodiging/", await invited.ReadPageAsync());

        var audit = await (await Client.GetAsync($"/api/audit?type=account&id={member.Id}", Ct)).ReadOkAsync<List<AuditShape>>();
        Assert.Contains(audit, a => a.Action == "rol-gewijzigd" && a.After?.Contains("professional", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_coordinator_adds_a_theme_that_items_can_use_at_once()
    {
        var browser = NewBrowser(Roles.Coordinator);
        var page = await browser.GetPageAsync("/beheer/themas");
        var name = "Kunst " + TestApps.UniqueTag();

        var added = await browser.PostAsync("/beheer/themas?handler=Add", PageForm(page, new() { ["Name"] = name }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var twice = await browser.PostAsync("/beheer/themas?handler=Add", PageForm(page, new() { ["Name"] = name }), Ct);
        Assert.Contains("bestaat al", Html.Text(await twice.ReadPageAsync(HttpStatusCode.BadRequest)));

        var code = name.ToLowerInvariant().Replace(' ', '-');
        var item = await Client.CreateItemAsync(NewItem.At(Places.Centrum, "Met een nieuw thema") with { Themes = [code] });
        Assert.Equal([code], item.Themes);
    }

    /// <summary>RFC 6238 with Identity's settings: SHA-1, 30 seconds, 6 digits, base32 key.</summary>
    static string Totp(string base32Key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
