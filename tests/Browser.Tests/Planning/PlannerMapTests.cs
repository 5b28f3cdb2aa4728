using CityTwin.Browser.Tests.Support;

namespace CityTwin.Browser.Tests.Planning;

/// <summary>The planner view in headless Chromium over the real Thu Duc roads: coverage layers, a plan run and adopted.</summary>
[Collection(PlanningCollection.Name)]
public sealed class PlannerMapTests(PlanningHost host)
{
    [SkippableFact]
    public async Task Planner_RunsAndAdoptsSmallPlan_SitesFiguresAndPlannedCamerasOnMap()
    {
        Skip.If(PlanningHost.SharedRoot is null, "the real layers (CITYTWIN_SHARED/data/geo) are not on this machine");
        await WaitForRealRoadsAsync();
        await using var map = await host.OpenMapAsync(PlanningHost.PlannerKey);
        await map.EvaluateAsync<bool>("async () => { await window.__citytwin.planning.loaded; return true; }");

        // The coverage layers: wards shaded from the real polygons, real roads, and red gaps where no camera looks.
        await map.WaitForAsync("h.map.querySourceFeatures('planning-gaps').length > 100 && h.map.querySourceFeatures('planning-wards').length >= 30", 30_000);
        var city = await map.Page.TextContentAsync("#planning-city") ?? "";
        Assert.Matches(@"\d+\.\d%", city);
        var shades = await map.EvaluateAsync<string[]>("() => [...new Set(window.__citytwin.map.querySourceFeatures('planning-wards').map(f => f.properties.coverageColour))]");
        Assert.True(shades.Length >= 2, $"wards all one shade: {string.Join(',', shades)}");

        // A small plan through the form, as a planner would run it.
        await map.Page.FillAsync("#planning-count", "3");
        await map.Page.SelectOptionAsync("#planning-kind", "PTZ_360");
        await map.Page.ClickAsync("#planning-run");
        await map.WaitForAsync("document.querySelectorAll('#planning-sites li').length === 3", 180_000);
        // querySourceFeatures repeats a feature in every tile it touches: count distinct ranks.
        await map.WaitForAsync("new Set(h.map.querySourceFeatures('planning-sites').map(f => f.properties.rank)).size === 3 && h.map.querySourceFeatures('planning-site-views').length > 0", 20_000);
        var summary = await map.Page.TextContentAsync("#planning-summary") ?? "";
        Assert.Matches(@"^coverage before \d+\.\d% after \d+\.\d% \(\+\d+\.\d\d km\), gap \d+\.\d\d%$", summary);
        var figures = await map.Page.TextContentAsync("#planning-figures") ?? "";
        Assert.Contains("km", figures);
        var gains = await map.EvaluateAsync<double[]>("() => window.__citytwin.map.querySourceFeatures('planning-sites').map(f => f.properties.gainM)");
        Assert.All(gains, gain => Assert.True(gain > 0, $"a proposed site adds nothing: {string.Join(',', gains)}"));
        await map.WaitIdleAsync();
        await map.ScreenshotAsync("planner-plan");

        // Adopting turns the sites into planned cameras, drawn in their own colour, and coverage counts them.
        var before = PercentOf(city);
        await map.Page.ClickAsync("#planning-adopt");
        await map.WaitForAsync("h.map.querySourceFeatures('planning-planned').length >= 3 && document.querySelector('#planning-sites') === null", 60_000);
        var planned = await map.EvaluateAsync<string[]>("() => window.__citytwin.map.querySourceFeatures('planning-planned').map(f => f.properties.status)");
        Assert.All(planned, status => Assert.Equal("planned", status));
        var after = PercentOf(await map.Page.TextContentAsync("#planning-city") ?? "");
        Assert.True(after > before, $"coverage did not count the planned cameras: {before}% → {after}%");
        Assert.True(map.ConsoleErrors.Count == 0, string.Join(" | ", map.ConsoleErrors));
        await map.WaitIdleAsync();
        await map.ScreenshotAsync("planner-adopted");
    }

    [SkippableFact]
    public async Task Operator_OpensMap_SeesCoverageButNoPlanForm()
    {
        Skip.If(PlanningHost.SharedRoot is null, "the real layers (CITYTWIN_SHARED/data/geo) are not on this machine");
        await using var map = await host.OpenMapAsync();
        await map.WaitForAsync("document.querySelector('#planning-panel h2') !== null");
        Assert.Equal(0, await map.Page.Locator("#planning-form").CountAsync());
        Assert.Equal(0, await map.Page.Locator("#planning-adopt").CountAsync());
    }

    private async Task WaitForRealRoadsAsync()
    {
        // The real layers load in the background once the demo city is in: wait for the 386 km of real road.
        for (var deadline = DateTime.UtcNow.AddSeconds(120); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            var data = await host.GraphQLAsync("{ coverage { city { lengthM } } }");
            if (data.GetProperty("coverage").GetProperty("city").GetProperty("lengthM").GetDouble() > 300_000) return;
        }
        throw new TimeoutException("the real roads were not loaded within 120 s");
    }

    private static double PercentOf(string text) =>
        double.Parse(System.Text.RegularExpressions.Regex.Match(text, @"(\d+\.\d)%").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
