using Microsoft.AspNetCore.Identity;

namespace Wijkbeeld.Features.Accounts;

/// <summary>
/// <c>dotnet run --project src/Wijkbeeld -- create-admin --email iemand@gemeente.nl [--name "Naam"] [--url https://wijkbeeld.gemeente.nl]</c>:
/// makes an invitation for the first administrator and prints its link. No default password exists anywhere.
/// </summary>
public static class AdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var email = Option("--email");
        if (string.IsNullOrWhiteSpace(email) || !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            await Console.Error.WriteLineAsync("Gebruik: create-admin --email iemand@gemeente.nl [--name \"Naam\"] [--url https://wijkbeeld.gemeente.nl]");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"Er bestaat al een account voor {email}.");
            return 1;
        }
        var token = await scope.ServiceProvider.GetRequiredService<Invitations>()
            .CreateAsync(email, Option("--name") ?? "Beheerder", Roles.Administrator, null, "create-admin", CancellationToken.None);
        var url = (Option("--url") ?? "http://localhost:5000").TrimEnd('/');
        Console.WriteLine($"Uitnodiging voor beheerder {email} gemaakt. Open deze link en kies een wachtwoord:");
        Console.WriteLine($"{url}/uitnodiging/{token}");
        return 0;
    }
}
