using CityTwin.Browser.Tests.Support;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Spatial;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests.Map;

/// <summary>Alerts are state: the feed comes back from the server after a reload, with the operator's acknowledgements.</summary>
[Collection(MapCollection.Name)]
public sealed class AlertStateTests(MapHost host)
{
    [Fact]
    public async Task AlertFeed_AcknowledgedThenReloaded_BothAlertsBackAndTheAcknowledgementKept()
    {
        await using var map = await host.OpenMapAsync();
        var (acknowledged, pending) = (await OpenIncidentAsync("Smoke over Thao Dien"), await OpenIncidentAsync("Smoke over An Khanh"));
        await map.Page.Locator(ItemOf(pending)).WaitForAsync();
        await map.Page.Locator(ItemOf(acknowledged)).Locator("button.ack").ClickAsync();
        await map.Page.Locator(ItemOf(acknowledged) + "[data-acknowledged=true]").WaitForAsync();
        // Every action answers: a toast in the UI's language says it was recorded.
        await map.Page.Locator("#toasts .toast.ok", new PageLocatorOptions { HasText = "Đã xác nhận cảnh báo" }).WaitForAsync();
        await map.ScreenshotAsync("alert-acknowledged-toast");

        await map.ReloadAsync();

        await map.Page.Locator(ItemOf(acknowledged) + "[data-acknowledged=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal(0, await map.Page.Locator(ItemOf(acknowledged)).Locator("button.ack").CountAsync());
        Assert.Equal("false", await map.Page.Locator(ItemOf(pending)).GetAttributeAsync("data-acknowledged"));
        Assert.Equal(1, await map.Page.Locator(ItemOf(pending)).Locator("button.ack").CountAsync());
        Assert.Contains("unread", await map.Page.Locator(ItemOf(pending)).GetAttributeAsync("class") ?? "");
        Assert.True(map.ConsoleErrors.Count == 0, string.Join(" | ", map.ConsoleErrors));
        await map.ScreenshotAsync("alerts-after-reload");
    }

    private static string ItemOf(string incidentId) => $"#alert-list li[data-kind=incident]:has(.subject[data-subject='{incidentId}'])";

    private async Task<string> OpenIncidentAsync(string description)
    {
        var id = Guid.NewGuid().ToString();
        await host.Grains.GetGrain<IIncidentGrain>(id).OpenAsync(new IncidentReport(IncidentKind.Smoke, new GeoPoint(106.7368, 10.7585), 150,
            DateTimeOffset.UtcNow.AddMinutes(-2), [], "camera tower TTD", "27475", description));
        return id;
    }
}
