using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// All browser tests share one xunit collection, so they run one class at a time (the machine has few cores),
/// side by side with at most one other collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}

/// <summary>
/// The real app on Kestrel at http://127.0.0.1:{free port} with its own fresh SQLite database and the Den Helder
/// sample, plus Debian's headless Chromium. One per test class (a class fixture); each test opens its own
/// browser context, so cookies and storage never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Desktop PC and phone viewports the tests use.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 375, Height = 667 };
    public static readonly ViewportSize Narrow = new() { Width = 320, Height = 640 };

    WijkbeeldApp? app;
    IPlaywright? playwright;
    IBrowser? browser;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>An HTTP client for the same server, to read the API for expected values.</summary>
    /// <summary>The API as an anonymous visitor sees it: the expected values for the (anonymous) browser.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>An administrator (working at the municipality), for the changes a test makes.</summary>
    public HttpClient Writer { get; private set; } = null!;

    public WijkbeeldApp App => app ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ChromiumPath} (apt-get install chromium).");
        }

        app = new WijkbeeldApp();
        // .NET 10: a real Kestrel server instead of TestServer; port 0 = a free port on 127.0.0.1.
        app.UseKestrel(0);
        app.StartServer();
        BaseAddress = app.ClientOptions.BaseAddress;
        if (BaseAddress.IsLoopback is false || BaseAddress.Port is 0 or 80)
        {
            throw new InvalidOperationException($"Kestrel did not report its address (got {BaseAddress}).");
        }
        Api = app.CreateClient();
        Writer = await app.CreateClientAsAsync(Wijkbeeld.Features.Accounts.Roles.Administrator);

        playwright = await Playwright.CreateAsync();
        browser = await LaunchChromiumAsync(playwright);
    }

    /// <summary>Debian's headless Chromium, as every browser test uses it.</summary>
    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ChromiumPath} (apt-get install chromium).");
        }
        // Expectations wait up to 10 s: the machine is small and other test collections run at the same time.
        Assertions.SetDefaultExpectTimeout(10_000);
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A UI text as the app shows it (Resources/Texts.resx, Dutch), e.g. "Status.actief".</summary>
    public string Text(string key) => DutchText(app!.Services, key);

    /// <summary>A UI text of the app running with <paramref name="services"/>, in Dutch.</summary>
    public static string DutchText(IServiceProvider services, string key)
    {
        var text = services.GetRequiredService<IStringLocalizer<Texts>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            var value = text[key];
            return value.ResourceNotFound ? throw new ArgumentException($"No text {key}.", nameof(key)) : value.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A fresh, isolated browser context (own cookies and storage) pointed at the app.</summary>
    public Task<IBrowserContext> NewContextAsync(ViewportSize viewport, bool phone = false) =>
        NewContextAsync(Browser, BaseAddress, viewport, phone);

    /// <summary>A fresh, isolated context on <paramref name="browser"/> pointed at <paramref name="baseAddress"/>.</summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri baseAddress, ViewportSize viewport, bool phone = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport,
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        Api?.Dispose();
        Writer?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
