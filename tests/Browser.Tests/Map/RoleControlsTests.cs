using System.Text.Json;
using CityTwin.Browser.Tests.Support;

namespace CityTwin.Browser.Tests.Map;

/// <summary>Each role's map shows only the controls and feeds the server's one policy lets it use (<c>me { capabilities }</c>).</summary>
[Collection(MapCollection.Name)]
public sealed class RoleControlsTests(MapHost host)
{
    [Fact]
    public async Task PartnerKey_MapLoaded_NoWatchlistFormNorAcknowledgeButtons()
    {
        await using var map = await host.OpenMapAsync(MapHost.PartnerKey);

        Assert.Equal("connected", await map.Page.GetAttributeAsync("#connection", "data-state"));
        Assert.Equal(0, await map.Page.Locator("#watch-form").CountAsync());
        Assert.Equal(0, await map.Page.Locator("#alert-list button.ack").CountAsync());
        // Partners never follow vehicles: no sightings switch; the public layers stay.
        Assert.Equal(0, await map.Page.Locator("[data-layer=sightings]").CountAsync());
        Assert.Equal(1, await map.Page.Locator("[data-layer=cameras]").CountAsync());
        Assert.Equal("[]", await ProblemsAsync(map));
        await map.ScreenshotAsync("partner-map");
    }

    [Fact]
    public async Task ClinicKey_MapLoaded_NoRefusalsInTheProblemsPanel()
    {
        await using var map = await host.OpenMapAsync(MapHost.ClinicKey);
        // Refusals of a live subscription arrive after the socket is up: give them the time a round trip takes.
        await Task.Delay(1_500);

        Assert.Equal("connected", await map.Page.GetAttributeAsync("#connection", "data-state"));
        Assert.Equal("[]", await ProblemsAsync(map));
        Assert.True(await map.Page.IsHiddenAsync("#problems"));
        Assert.Equal(0, await map.Page.Locator("#watch-form").CountAsync());
        // A clinic reads clinics only: its switch stays, the others and the incident filters go.
        Assert.Equal(["places-clinic"], await map.Page.Locator("[data-layer]").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.dataset.layer)"));
        Assert.Equal(0, await map.Page.Locator("#show-resolved").CountAsync());
        Assert.True(map.ConsoleErrors.Count == 0, string.Join(" | ", map.ConsoleErrors));
        await map.ScreenshotAsync("clinic-map");
    }

    private static async Task<string> ProblemsAsync(MapPage map) =>
        JsonSerializer.Serialize(JsonDocument.Parse(await map.EvaluateAsync<string>("() => JSON.stringify(window.__citytwin.store.problems)")).RootElement);
}
