using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Wijkbeeld.Bench;

/// <summary>
/// Writes need an account: the bench makes its administrator as the README says (<c>create-admin</c> prints an
/// invitation link; the link's form sets the password) and signs its write client in with that cookie.
/// </summary>
static partial class BenchAdmin
{
    public static async Task SignInAsync(HttpClient client, string serverDll, string provider, string connectionString, Uri baseUrl, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { serverDll, "create-admin", "--email", $"bench-{Guid.NewGuid():N}@example.nl", "--url", baseUrl.ToString() })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = provider;
        info.Environment["ConnectionStrings__Wijkbeeld"] = connectionString;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var link = output.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Contains("/uitnodiging/", StringComparison.Ordinal))
            ?? throw new BenchException($"create-admin gave no invitation link (exit {process.ExitCode}): {output} {errors}");

        var page = await client.GetStringAsync(link, ct);
        var token = Token().Match(page).Groups[1].Value;
        const string password = "een lange zin als wachtwoord voor de bench";
        using var accepted = await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = password, ["Repeat"] = password, ["__RequestVerificationToken"] = token,
        }), ct);
        using var session = await client.GetAsync(new Uri(baseUrl, "/api/session"), ct);
        if (!session.IsSuccessStatusCode)
        {
            throw new BenchException($"signing in the bench administrator failed: invitation answered {(int)accepted.StatusCode}, session {(int)session.StatusCode}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
