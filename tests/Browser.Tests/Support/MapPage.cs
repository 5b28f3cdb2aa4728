using System.Text.Json;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests.Support;

/// <summary>The map client in one page, driven through the DOM and its test hook <c>window.__citytwin</c>.</summary>
public sealed class MapPage(IPage page) : IAsyncDisposable
{
    private readonly List<string> consoleErrors = [];

    public IPage Page { get; } = page;

    /// <summary>Errors the page logged, for failure messages.</summary>
    public IReadOnlyList<string> ConsoleErrors => consoleErrors;

    public async Task OpenAsync(Uri baseUrl)
    {
        Page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add($"{message.Text} ({message.Location})"); };
        Page.PageError += (_, error) => consoleErrors.Add(error);
        await Page.GotoAsync(baseUrl.ToString());
        await Page.WaitForFunctionAsync("() => window.__citytwin !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await Page.EvaluateAsync("() => window.__citytwin.ready");
        await WaitIdleAsync();
    }

    /// <summary>Reloads the page as an operator pressing F5 would (the key stays in sessionStorage) and waits until live and idle.</summary>
    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await Page.WaitForFunctionAsync("() => window.__citytwin !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await Page.EvaluateAsync("() => window.__citytwin.ready");
        await WaitIdleAsync();
    }

    /// <summary>Waits for MapLibre's <c>idle</c>: every source loaded, nothing moving, the last frame drawn.</summary>
    public Task WaitIdleAsync() => Page.EvaluateAsync("""
        () => new Promise(resolve => {
          const map = window.__citytwin.map;
          map.once('idle', () => resolve(true));
          map.triggerRepaint();
        })
        """);

    /// <summary>Polls a JavaScript predicate (with <c>h</c> = window.__citytwin) until it is true.</summary>
    public async Task WaitForAsync(string predicate, int timeoutMs = 10_000)
    {
        try
        {
            await Page.WaitForFunctionAsync($"() => {{ const h = window.__citytwin; return !!({predicate}); }}", null,
                new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 100 });
        }
        catch (TimeoutException e)
        {
            var problems = await EvaluateAsync<JsonElement>("() => window.__citytwin.store.problems");
            throw new TimeoutException($"{predicate} stayed false. Problems: {problems}. Console: {string.Join(" | ", consoleErrors)}", e);
        }
    }

    /// <summary>
    /// Records sightings of a fresh probe plate until one is on the page, so that a test starts once its live
    /// subscriptions are registered on the server (graphql-transport-ws does not acknowledge a subscribe).
    /// </summary>
    public async Task WaitLiveAsync(IGrainFactory grains)
    {
        var number = Random.Shared.Next(10_000, 99_999);
        var plate = $"51K-{number / 100:000}.{number % 100:00}";
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await TestPlates.RecordAsync(grains, plate, $"51K{number}");
            try
            {
                // The twin displays the plate in its own layout, so compare canonical keys.
                await Page.WaitForFunctionAsync(
                    $"() => [...window.__citytwin.store.sightings.keys()].some(p => p.replace(/[^A-Z0-9]/g, '') === '51K{number}')", null,
                    new PageWaitForFunctionOptions { Timeout = 1_000, PollingInterval = 50 });
                return;
            }
            catch (TimeoutException)
            {
                // Not subscribed yet: record another sighting.
            }
        }
        throw new TimeoutException($"no sighting of the probe plate {plate} reached the page in 30 s");
    }

    public Task<T> EvaluateAsync<T>(string script, object? argument = null) => Page.EvaluateAsync<T>(script, argument);

    /// <summary>Saves the page as PNG under .data/test-results/screenshots and returns the path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        var path = Path.Combine(RepositoryPaths.Screenshots, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
