using System.Net;
using Microsoft.AspNetCore.Builder;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using CityTwin.Twin.Importers.RealLayers;

namespace CityTwin.Graph.Tests.Coverage;

/// <summary>
/// The planners' story through the product's own start-up wiring (<c>AddCityTwinHost</c>, as <c>./run</c>): the real
/// layers load at start-up, then coverage, a plan, its adoption and its export over real HTTP.
/// </summary>
public sealed class PlannerHostTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string PlannerKey = "test-planner-key-coverage", OperatorKey = "test-operator-key-coverage";

    [SkippableFact]
    public async Task Host_RealLayers_CoveragePlanAdoptAndExport()
    {
        Skip.If(SharedData.Root is not { } root || !RealLayerFiles.Present(root), SharedData.Missing);
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration[CoverageExtensions.LoadRealLayersKey] = "true";
        builder.Configuration["CityTwin:RealLayers:SharedRoot"] = SharedData.Root;
        builder.Configuration[$"CityTwin:ApiKeys:{PlannerKey}"] = "planner";
        builder.Configuration[$"CityTwin:ApiKeys:{OperatorKey}"] = "operator";
        builder.AddCityTwinHost(new HostSettings(url, database.ConnectionString, true, FreePort.Next(), FreePort.Next()));
        await using var app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };

            // The real ward polygons arrive shortly after the demo city: wait for them.
            JsonElement coverage = default;
            for (var deadline = DateTime.UtcNow.AddMinutes(3); DateTime.UtcNow < deadline; await Task.Delay(1000))
            {
                coverage = await QueryAsync(http, PlannerKey, "{ coverage { city { percent lengthM } wards { wardCode approximate population } limits } }");
                if (coverage.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                    && data.GetProperty("coverage").GetProperty("wards").EnumerateArray().Count(w => !w.GetProperty("approximate").GetBoolean()) == 34)
                    break;
            }
            var report = coverage.GetProperty("data").GetProperty("coverage");
            Assert.InRange(report.GetProperty("city").GetProperty("percent").GetDouble(), 0.01, 99.99);
            Assert.Contains("Line of sight is not modelled", report.GetProperty("limits").GetString());

            var unknown = await QueryAsync(http, PlannerKey, """{ coverage(wardCode: "99999") { city { percent } } }""");
            Assert.True(unknown.TryGetProperty("errors", out _), unknown.ToString());
            Assert.Equal("BAD_USER_INPUT", unknown.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

            // Thao Dien and An Phu, where the real road layer is dense.
            const string area = """{"type":"Polygon","coordinates":[[[106.72,10.79],[106.76,10.79],[106.76,10.82],[106.72,10.82],[106.72,10.79]]]}""";
            var planned = await QueryAsync(http, PlannerKey,
                $$"""mutation { planCameras(count: 3, kind: PTZ_360, area: {{JsonSerializer.Serialize(area)}}, timeLimitS: 5) { cameraPlan { id summary afterPercent beforePercent sites { rank gainM } } errors { code message } } }""");
            Assert.True(planned.TryGetProperty("data", out var planData) && planData.ValueKind == JsonValueKind.Object, planned.ToString());
            var plan = planData.GetProperty("planCameras").GetProperty("cameraPlan");
            Assert.Matches(@"^coverage before \d+\.\d% after \d+\.\d% \(\+\d+\.\d\d km\), gap \d+\.\d\d%$", plan.GetProperty("summary").GetString());
            Assert.True(plan.GetProperty("afterPercent").GetDouble() > plan.GetProperty("beforePercent").GetDouble());
            var id = plan.GetProperty("id").GetString()!;

            var refused = await QueryAsync(http, OperatorKey, $$"""mutation { adoptPlan(planId: "{{id}}") { errors { code } } }""");
            Assert.Equal("FORBIDDEN", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
            var adopted = await QueryAsync(http, PlannerKey, $$"""mutation { adoptPlan(planId: "{{id}}") { adoptedPlan { cameras { id status } } errors { code } } }""");
            Assert.Equal(3, adopted.GetProperty("data").GetProperty("adoptPlan").GetProperty("adoptedPlan").GetProperty("cameras").GetArrayLength());
            var seen = await QueryAsync(http, OperatorKey, "{ plannedCameras { id status } }");
            Assert.All(seen.GetProperty("data").GetProperty("plannedCameras").EnumerateArray(), c => Assert.Equal("planned", c.GetProperty("status").GetString()));

            using var csv = new HttpRequestMessage(HttpMethod.Get, $"/coverage/plans/{id}.csv");
            csv.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
            using var exported = await http.SendAsync(csv);
            Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
            Assert.Equal(4, (await exported.Content.ReadAsStringAsync()).Trim().Split('\n').Length);
            using var anonymous = await http.GetAsync($"/coverage/plans/{id}.geojson");
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<JsonElement> QueryAsync(HttpClient http, string key, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
