using System.Text.Json;
using Microsoft.Playwright;

namespace Wijkbeeld.Tests.Browser;

/// <summary>
/// Measures live updates where the user sees them: a watch is armed in the page before an action; a
/// MutationObserver notes the moment (the browser's <c>Date.now()</c>, the same system clock the test reads)
/// at which the DOM first shows the expected state. The delay is that moment minus the test's time of the
/// action's response.
/// </summary>
public static class LiveWatch
{
    /// <summary>How long a view may take to show a change: the promise of the live picture.</summary>
    public static readonly TimeSpan Promise = TimeSpan.FromSeconds(1);

    /// <summary>Helpers in every page of a context (installed before the page's own scripts).</summary>
    const string Script = """
        (() => {
          if (window.__live) return;
          const live = {
            waits: {},
            arm(name, check, timeoutMs) {
              const seen = new Promise((resolve, reject) => {
                let observer, timer;
                const test = () => {
                  let ok = false;
                  try { ok = !!check(); } catch { ok = false; }
                  if (ok) { observer?.disconnect(); clearTimeout(timer); resolve(Date.now()); }
                  return ok;
                };
                if (test()) return;
                observer = new MutationObserver(test);
                observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
                timer = setTimeout(() => { observer.disconnect(); reject(new Error(`Not seen within ${timeoutMs} ms: ${name}`)); }, timeoutMs);
              });
              seen.catch(() => {});
              live.waits[name] = seen;
            },
            /** The item markers (not clusters) with this title. */
            markers(title) {
              return [...document.querySelectorAll('#map .leaflet-marker-icon.marker')].filter(m => m.title === title);
            },
            /** The rows of the map's list with this title. */
            rows(title) {
              return [...document.querySelectorAll('#item-list .item-row')].filter(r => r.querySelector('.item-title')?.textContent.trim() === title);
            },
            /** Whether a marker stands at lat/lon (Leaflet places it at the rounded layer point). */
            at(marker, lat, lon) {
              const p = window.wijkbeeldMap.latLngToLayerPoint([lat, lon]).round();
              const q = marker._leaflet_pos;
              return !!q && q.x === p.x && q.y === p.y;
            },
            /** Remembers elements as they are now, to tell a re-rendered one from the old one. */
            remember(elements) {
              for (const e of elements) if (e) e.__before = true;
            },
            fresh(element) {
              return !!element && !element.__before;
            },
          };
          window.__live = live;
        })();
        """;

    public static Task InstallAsync(IBrowserContext context) => context.AddInitScriptAsync(Script);

    /// <summary>Now, in milliseconds since 1970 (the clock the page's Date.now() reads).</summary>
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>
    /// Starts watching <paramref name="page"/> until <paramref name="condition"/> (a JavaScript expression that may
    /// use <c>live</c>, the helpers above, and <c>arg</c>) is true. Arm before the action, then await <see cref="Watch.SeenAtAsync"/>.
    /// </summary>
    public static async Task<Watch> ArmAsync(IPage page, string condition, object? arg = null)
    {
        var name = $"{condition} {JsonSerializer.Serialize(arg)}";
        await page.EvaluateAsync(
            $"([name, arg]) => {{ const live = window.__live; live.arm(name, () => ({condition}), 15000); }}",
            new[] { name, arg });
        return new Watch(page, name);
    }

    public sealed record Watch(IPage Page, string Name)
    {
        /// <summary>When the page first showed the state (ms since 1970); fails when it did not within 15 s.</summary>
        public async Task<long> SeenAtAsync() => (long)await Page.EvaluateAsync<double>("name => window.__live.waits[name]", Name);

        /// <summary>Milliseconds from <paramref name="actionAt"/> until the page showed the state.</summary>
        public async Task<long> DelayAfterAsync(long actionAt) => await SeenAtAsync() - actionAt;
    }
}
