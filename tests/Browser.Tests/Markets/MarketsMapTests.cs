using CityTwin.Browser.Tests.Support;

namespace CityTwin.Browser.Tests.Markets;

/// <summary>Online markets on the map in headless Chromium: live counters and the orders-per-minute chart.</summary>
[Collection(MapCollection.Name)]
public sealed class MarketsMapTests(MapHost host)
{
    [Fact]
    public async Task SignedOrderStream_Replayed_MarketCounterAndChartChangeOnScreen()
    {
        var stream = await MarketStream.CreateAsync(host);
        var id = stream.MarketId;
        await using var map = await host.OpenMapAsync();
        await map.WaitForAsync($"h.markets && h.markets.layer.get('{id}')");

        // Centre the market and click its circle, as a user would.
        await map.EvaluateAsync<bool>("([lon, lat]) => { window.__citytwin.map.jumpTo({ center: [lon, lat], zoom: 17 }); return true; }",
            new[] { stream.Location.Longitude, stream.Location.Latitude });
        await map.WaitIdleAsync();
        var box = await map.Page.Locator("#map").BoundingBoxAsync() ?? throw new InvalidOperationException("#map has no box");
        await map.Page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await map.WaitForAsync($"h.markets.panel.openId === '{id}' && document.querySelector('#market-orders')?.textContent === '0'");
        Assert.Equal(0, await map.EvaluateAsync<int>("() => window.__citytwin.markets.panel.chartedOrders"));

        // The platform's stream: five signed requests of four paid orders each, a quarter of a second apart.
        for (var batch = 0; batch < 5; batch++)
        {
            await stream.SendOrdersAsync(4);
            await Task.Delay(250);
        }
        await map.WaitForAsync("document.querySelector('#market-orders').textContent === '20' && h.markets.panel.chartedOrders === 20", 20_000);
        await map.WaitForAsync($"h.markets.layer.get('{id}').orderCount === 20");
        await map.WaitIdleAsync();
        var label = await map.EvaluateAsync<string>($"() => window.__citytwin.map.querySourceFeatures('markets').find(f => f.properties.id === '{id}')?.properties.label ?? ''");
        Assert.Contains("20 đơn", label);
        Assert.Equal("2,4 triệu ₫", await map.Page.TextContentAsync("#market-revenue"));
        await map.ScreenshotAsync("market-panel-live");

        // The session's chart: its stored minutes first, then the session's live orders on top.
        await map.Page.SelectOptionAsync("#market-session", stream.SessionId);
        await map.WaitForAsync($"h.markets.panel.shownSessionId === '{stream.SessionId}' && h.markets.panel.chartedOrders === 20");
        await stream.SendOrdersAsync(3);
        await map.WaitForAsync("h.markets.panel.chartedOrders === 23 && document.querySelector('#market-orders').textContent === '23'", 15_000);
        // The live orders went into the current minute, the last one drawn, and the minutes stay in time order.
        var minutes = await map.EvaluateAsync<double[][]>("() => window.__citytwin.markets.panel.chartMinutes");
        Assert.Equal(minutes[0].Order(), minutes[0]);
        Assert.True(minutes[1][^1] >= 3, $"last minute has {minutes[1][^1]} orders");
        Assert.True(minutes[0][^1] <= DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "the chart runs past now");
        Assert.True(map.ConsoleErrors.Count == 0, string.Join(" | ", map.ConsoleErrors));
        await map.ScreenshotAsync("market-session-chart");

        // Orders stored while the page is offline reach it through the snapshot read on reconnecting.
        await map.Page.Context.SetOfflineAsync(true);
        await map.EvaluateAsync<bool>("() => { window.__citytwin.live.forceDrop(); return true; }");
        await map.WaitForAsync("document.querySelector('#connection').dataset.state !== 'connected'");
        await stream.SendOrdersAsync(2);
        await map.Page.Context.SetOfflineAsync(false);
        await map.WaitForAsync($"h.markets.layer.get('{id}').orderCount === 25 && document.querySelector('#market-orders').textContent === '25'", 30_000);
    }
}
