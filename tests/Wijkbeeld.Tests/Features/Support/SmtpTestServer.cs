using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Wijkbeeld.Tests.Features.Support;

/// <summary>A mail as the SMTP server received it: the envelope, who logged in, and the parsed message.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string? AuthenticatedUser, MimeMessage Message)
{
    public string Subject => Message.Subject ?? "";
    public string? TextBody => Message.TextBody;
    public string? HtmlBody => Message.HtmlBody;
}

/// <summary>
/// A real SMTP server (SmtpServer by cosullivan) in the test process on a free loopback port, without TLS.
/// Use it as a class fixture or with <see cref="StartAsync"/>; point the app at it with <see cref="AppSettings"/>;
/// then <see cref="WaitForMessageAsync"/> for what arrived. With a user name and password it requires AUTH.
/// </summary>
public sealed class SmtpTestServer : IAsyncLifetime
{
    readonly string? username;
    readonly string? password;
    readonly CancellationTokenSource stop = new();
    readonly List<ReceivedMail> received = [];
    readonly object gate = new();
    TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    Task? running;

    public SmtpTestServer() : this(null, null)
    {
    }

    SmtpTestServer(string? username, string? password)
    {
        this.username = username;
        this.password = password;
        Port = FreePort();
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public const string From = "Wijkbeeld Test <wijkbeeld@test.example>";

    /// <summary>The app settings that send mail here (add them to a <see cref="WijkbeeldApp"/>'s extra settings).</summary>
    public Dictionary<string, string?> AppSettings => new()
    {
        ["Email:Smtp:Host"] = Host,
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:UseTls"] = "false",
        ["Email:Smtp:Username"] = username,
        ["Email:Smtp:Password"] = password,
        ["Email:Smtp:From"] = From,
        ["Email:Smtp:TimeoutSeconds"] = "10",
    };

    /// <summary>Everything received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages
    {
        get { lock (gate) return received.ToList(); }
    }

    public static async Task<SmtpTestServer> StartAsync(string? username = null, string? password = null)
    {
        var server = new SmtpTestServer(username, password);
        await server.InitializeAsync();
        return server;
    }

    public async ValueTask InitializeAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (username is not null)
                {
                    e.AllowUnsecureAuthentication(true).AuthenticationRequired(true);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        if (username is not null)
        {
            services.Add(new Authenticator(username, password ?? ""));
        }
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        await WaitUntilListeningAsync();
    }

    /// <summary>The first mail (received before or after this call) with <paramref name="to"/> among its recipients.</summary>
    public async Task<ReceivedMail> WaitForMessageAsync(string to, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task next;
            lock (gate)
            {
                var mail = received.FirstOrDefault(m => m.To.Contains(to, StringComparer.OrdinalIgnoreCase));
                if (mail is not null)
                {
                    return mail;
                }
                next = arrived.Task;
            }
            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"No mail to {to} within {timeout ?? TimeSpan.FromSeconds(10)}; received: {string.Join(", ", Messages.SelectMany(m => m.To))}");
            }
        }
    }

    void Add(ReceivedMail mail)
    {
        lock (gate)
        {
            received.Add(mail);
            var previous = arrived;
            arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.SetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (running is not null)
        {
            try { await running; } catch (OperationCanceledException) { }
        }
        stop.Dispose();
    }

    async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            if (running!.IsFaulted)
            {
                await running;
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    /// <summary>A loopback port nothing listens on right now (also what an unreachable server looks like).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var user = context.Authentication.IsAuthenticated ? context.Authentication.User : null;
            server.Add(new ReceivedMail(
                Address(transaction.From), transaction.To.Select(Address).ToList(), user, message));
            return SmtpResponse.Ok;
        }

        static string Address(SmtpServer.Mail.IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";
    }

    sealed class Authenticator(string username, string password) : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string pass, CancellationToken cancellationToken) =>
            Task.FromResult(user == username && pass == password);
    }
}
