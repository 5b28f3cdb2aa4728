using System.Text.Json;
using CityTwin.Browser.Tests.Support;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Spatial;

namespace CityTwin.Browser.Tests.Map;

/// <summary>The map client in headless Chromium against the real host with the demo city.</summary>
[Collection(MapCollection.Name)]
public sealed class MapClientTests(MapHost host)
{
    [Fact]
    public async Task MapPage_Opened_LoadsAndGoesIdleWithTheTwinDrawn()
    {
        await using var map = await host.OpenMapAsync();

        Assert.Equal("connected", await map.Page.GetAttributeAsync("#connection", "data-state"));
        var drawn = await map.EvaluateAsync<JsonElement>("""
            () => ({
              cameras: window.__citytwin.map.querySourceFeatures('cameras').length,
              wardOutlines: window.__citytwin.map.querySourceFeatures('basemap-wards').length,
              canvas: !!document.querySelector('#map canvas'),
              lang: document.documentElement.lang,
              title: document.querySelector('#app-title').textContent,
            })
            """);
        Assert.True(drawn.GetProperty("cameras").GetInt32() > 50, drawn.ToString());
        Assert.True(drawn.GetProperty("wardOutlines").GetInt32() > 10, drawn.ToString());
        Assert.True(drawn.GetProperty("canvas").GetBoolean());
        Assert.Equal("vi", drawn.GetProperty("lang").GetString());
        Assert.Contains("Bản đồ", drawn.GetProperty("title").GetString());
        Assert.True(map.ConsoleErrors.Count == 0, string.Join(" | ", map.ConsoleErrors));
        await map.ScreenshotAsync("map-loaded");

        // The wards choropleth of the aggregate picked: open incidents is 0 everywhere, cameras is not.
        await map.Page.SelectOptionAsync("#ward-metric", "cameraCount");
        await map.WaitForAsync("h.map.querySourceFeatures('wards').some(f => f.properties.value > 0)");
        await map.WaitIdleAsync();
        await map.ScreenshotAsync("wards-choropleth");

        await map.Page.ClickAsync("#lang-switch");
        Assert.Equal("Operations map", (await map.Page.TextContentAsync("#app-title"))?.Split("– ")[1]);
    }

    [Fact]
    public async Task CameraLayer_AfterLoad_MatchesTheTwinsCamerasAndStatus()
    {
        var data = await host.GraphQLAsync("{ cameras(first: 200) { nodes { id online } } }");
        var twin = data.GetProperty("cameras").GetProperty("nodes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("online").GetBoolean());
        await using var map = await host.OpenMapAsync();
        // Fit every camera into view so that querySourceFeatures sees all of them, not only the visible tiles.
        await map.EvaluateAsync<bool>("""
            () => {
              const cams = [...window.__citytwin.store.cameras.values()];
              const w = Math.min(...cams.map(c => c.lon)), e = Math.max(...cams.map(c => c.lon));
              const s = Math.min(...cams.map(c => c.lat)), n = Math.max(...cams.map(c => c.lat));
              window.__citytwin.map.fitBounds([[w, s], [e, n]], { padding: 20, duration: 0 });
              return true;
            }
            """);
        await map.WaitIdleAsync();

        // As a JSON string: Playwright's own object serialisation adds "$id" members.
        var drawn = await map.EvaluateAsync<string>("""
            () => JSON.stringify(Object.fromEntries(window.__citytwin.map.querySourceFeatures('cameras').map(f => [f.properties.id, f.properties.status])))
            """);
        var rendered = JsonDocument.Parse(drawn).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() == "online");
        Assert.Equal(124, twin.Count);
        var differences = twin.Where(p => !rendered.TryGetValue(p.Key, out var online) || online != p.Value).Select(p => p.Key)
            .Concat(rendered.Keys.Except(twin.Keys)).ToList();
        Assert.True(differences.Count == 0, $"cameras drawn differently from the twin: {string.Join(", ", differences)}");
        await map.ScreenshotAsync("cameras-match-twin");
    }

    [Fact]
    public async Task WatchlistHit_ProducedThroughTheHost_AppearsInTheFeedAndOnTheMap()
    {
        await using var map = await host.OpenMapAsync();
        await map.WaitLiveAsync(host.Grains);
        // The feed starts with the alerts other tests raised on this host (it is filled from the server): count from here.
        var unreadBefore = await map.EvaluateAsync<int>("() => window.__citytwin.store.unreadCount");
        await host.GraphQLAsync("""
            mutation { reportStolenVehicle(plate: "59-X3 123.45", reportedAt: "2026-11-25T23:00:00Z", reportedBy: "An Phu ward", wardCode: "26794") { errors { message } } }
            """);

        await TestPlates.RecordAsync(host.Grains, "59-X3 123.45", "59X312345");

        await map.WaitForAsync("document.querySelector('#alert-list [data-kind=watchlist] .subject')?.textContent === '59-X3 123.45'");
        await map.WaitForAsync("h.map.querySourceFeatures('sightings').some(f => f.properties.watch === 'watched' && f.properties.plate === '59-X3 123.45')");
        await map.WaitForAsync($"document.querySelector('#alert-unread')?.textContent === '{unreadBefore + 1}'");

        // Opening the alert zooms there and draws the vehicle's trace panel.
        await map.Page.ClickAsync("#alert-list [data-kind=watchlist]");
        await map.Page.WaitForSelectorAsync("#detail .plate");
        await map.WaitIdleAsync();
        Assert.Contains("59-X3 123.45", await map.Page.TextContentAsync("#detail"));
        await map.WaitForAsync($"h.store.unreadCount === {unreadBefore}");
        await map.ScreenshotAsync("watchlist-hit");
    }

    [Fact]
    public async Task IncidentAction_ClickedInThePanel_MovesTheIncidentInTheTwin()
    {
        await using var map = await host.OpenMapAsync();
        var id = Guid.NewGuid().ToString();
        var incident = host.Grains.GetGrain<IIncidentGrain>(id);
        await incident.OpenAsync(new IncidentReport(IncidentKind.Smoke, new GeoPoint(106.7368, 10.7585), 150,
            DateTimeOffset.UtcNow.AddMinutes(-2), [], "camera tower TTD", "27475", "Smoke over Tan Thuan Dong"));

        await map.WaitForAsync($"document.querySelector('#alert-list [data-kind=incident] .subject')?.dataset.subject === '{id}'");
        await map.Page.FocusAsync("#alert-list [data-kind=incident]");
        await map.Page.Keyboard.PressAsync("Enter");
        await map.Page.ClickAsync("[data-testid=incident-confirm]");
        await map.Page.WaitForSelectorAsync("[data-testid=incident-status][data-status=CONFIRMED]");
        await map.Page.ClickAsync("[data-testid=incident-dispatch]");
        await map.Page.WaitForSelectorAsync("[data-testid=incident-status][data-status=DISPATCHED]");

        var state = await incident.GetAsync();
        Assert.Equal(IncidentStatus.Dispatched, state!.Status);
        Assert.Equal("map-operator", state.Timeline[^1].Actor);
        await map.WaitIdleAsync();
        await map.ScreenshotAsync("incident-dispatched");
    }

    [Fact]
    public async Task Reconnect_AfterTheSocketDrops_ReloadsAndKeepsReceivingSightings()
    {
        await using var map = await host.OpenMapAsync();

        await map.EvaluateAsync<object>("() => window.__citytwin.live.forceDrop()");
        await map.WaitForAsync("h.store.problems.some(p => p.kind === 'socket')");
        await map.WaitForAsync("h.live.plan.connections >= 2 && h.store.connection === 'connected'");

        // New sightings reach the page again (the probe records until one arrives: subscribing has no acknowledgement).
        await map.WaitLiveAsync(host.Grains);
        // The badge follows the store on the next frame; wait for it rather than read it in the same instant.
        await map.WaitForAsync("document.querySelector('#connection')?.dataset.state === 'connected'");
        Assert.Equal("connected", await map.Page.GetAttributeAsync("#connection", "data-state"));
        Assert.True(await map.Page.IsVisibleAsync("#problems"));
        await map.WaitIdleAsync();
        await map.ScreenshotAsync("reconnected");
    }

    [Fact]
    public async Task SignIn_WithAKeyTheHostRefuses_ShowsTheErrorAndStaysOut()
    {
        var page = await host.NewSignedInPageAsync(key: null);
        await using var map = new MapPage(page);
        await page.GotoAsync(host.BaseUrl.ToString());
        await page.FillAsync("#signin-key", "not-a-real-key-0000");
        await page.ClickAsync("#signin-submit");

        await page.WaitForFunctionAsync("() => document.querySelector('#signin-error').textContent.length > 0");
        Assert.True(await page.IsHiddenAsync("#app"));
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('citytwin.apiKey')"));
    }

    [Fact]
    public async Task Inputs_InvalidPlateOrSearch_AreRefusedBeforeAnythingIsSent()
    {
        await using var map = await host.OpenMapAsync();
        var requests = 0;
        map.Page.Request += (_, request) => { if (request.Url.EndsWith("/graphql", StringComparison.Ordinal) && request.Method == "POST") requests++; };

        await map.Page.FillAsync("#watch-plate", "46A-123.45");
        await map.Page.ClickAsync("#watch-form button[type=submit]");
        Assert.Contains("46", await map.Page.TextContentAsync("#watch-result"));
        Assert.Equal("true", await map.Page.GetAttributeAsync("#watch-plate", "aria-invalid"));

        await map.Page.FillAsync("#search-input", "51I-123.45");
        await map.Page.PressAsync("#search-input", "Enter");
        Assert.NotEqual("", await map.Page.TextContentAsync("#search-message"));
        Assert.Equal(0, requests);

        // A valid plate goes through and the twin has it.
        await map.Page.FillAsync("#watch-plate", "59-H1 246.80");
        await map.Page.ClickAsync("#watch-form button[type=submit]");
        await map.Page.WaitForSelectorAsync("#watch-result.ok");
        var data = await host.GraphQLAsync("""{ watchlist(plate: "59H124680") { nodes { plateKey } } }""");
        Assert.Equal("59H124680", data.GetProperty("watchlist").GetProperty("nodes")[0].GetProperty("plateKey").GetString());
    }

    [Fact]
    public async Task Search_CameraIdAndPlaceWithoutAccents_OpenTheirPanels()
    {
        await using var map = await host.OpenMapAsync();

        await map.Page.FillAsync("#search-input", "cam-csg-01");
        await map.Page.PressAsync("#search-input", "Enter");
        await map.Page.WaitForSelectorAsync("#detail h2[data-camera='cam-csg-01']");
        Assert.Contains("Cầu Sài Gòn", await map.Page.TextContentAsync("#detail h2"));

        await map.Page.FillAsync("#search-input", "cho ben thanh");
        await map.Page.PressAsync("#search-input", "Enter");
        await map.Page.WaitForFunctionAsync("() => document.querySelector('#detail h2')?.textContent === 'Chợ Bến Thành'");
        Assert.Contains("Doanh thu", await map.Page.TextContentAsync("#detail"));
        await map.WaitIdleAsync();
        await map.ScreenshotAsync("search-place");
    }
}
