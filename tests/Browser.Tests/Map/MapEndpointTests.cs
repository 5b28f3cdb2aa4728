using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CityTwin.Browser.Tests.Support;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CityTwin.Browser.Tests.Map;

/// <summary>The host side of the map: the static client and the basemap layers, over plain HTTP.</summary>
[Collection(MapCollection.Name)]
public sealed class MapEndpointTests(MapHost host)
{
    [Fact]
    public async Task WardsLayer_DemoCityWithoutBoundaries_GivesApproximateCellsForEveryWard()
    {
        using var client = host.CreateHttpClient(key: null);
        using var response = await client.GetAsync("map/layers/wards.geojson");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var features = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("features");
        Assert.Equal(46, features.GetArrayLength());
        Assert.All(features.EnumerateArray(), f =>
        {
            Assert.Equal("MultiPolygon", f.GetProperty("geometry").GetProperty("type").GetString());
            Assert.True(f.GetProperty("properties").GetProperty("approximate").GetBoolean());
        });
    }

    [Fact]
    public async Task Layer_SameETag_Answers304()
    {
        using var client = host.CreateHttpClient(key: null);
        using var first = await client.GetAsync("map/layers/wards.geojson?bbox=106.70,10.70,106.80,10.90");
        var etag = first.Headers.ETag ?? throw new InvalidOperationException("no ETag");

        using var request = new HttpRequestMessage(HttpMethod.Get, "map/layers/wards.geojson?bbox=106.70,10.70,106.80,10.90");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Layer_Bbox_KeepsOnlyWhatIntersectsIt()
    {
        using var client = host.CreateHttpClient(key: null);
        var all = await CountAsync(client, "map/layers/wards.geojson");
        // Thanh An on Can Gio island only.
        var island = await CountAsync(client, "map/layers/wards.geojson?bbox=106.95,10.45,107.02,10.53");
        Assert.InRange(island, 1, all - 1);
        Assert.Equal(0, await CountAsync(client, "map/layers/roads.geojson?bbox=0,0,1,1"));
    }

    [Theory]
    [InlineData("map/layers/wards.geojson?bbox=1,2,3", HttpStatusCode.BadRequest)]
    [InlineData("map/layers/wards.geojson?bbox=10,0,5,1", HttpStatusCode.BadRequest)]
    [InlineData("map/layers/wards.geojson?bbox=a,b,c,d", HttpStatusCode.BadRequest)]
    [InlineData("map/layers/plates.geojson", HttpStatusCode.NotFound)]
    [InlineData("map/layers/0.geojson", HttpStatusCode.NotFound)]
    [InlineData("map/layers/wards,roads.geojson", HttpStatusCode.NotFound)]
    public async Task Layer_BadRequest_AnswersWithAReason(string path, HttpStatusCode expected)
    {
        using var client = host.CreateHttpClient(key: null);
        using var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task ClientRoute_UnknownPath_FallsBackToTheApp()
    {
        using var client = host.CreateHttpClient(key: null);
        using var response = await client.GetAsync("cameras/cam-csg-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div id=\"app\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Root_ClientNotBuilt_Answers503WithWhatToRun()
    {
        var empty = Directory.CreateTempSubdirectory("citytwin-no-client-").FullName;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CityTwin:Client:Path"] = empty });
        builder.AddCityTwinHost(new HostSettings(url, host.ConnectionString, LoadDemoCity: false, SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        await using var app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            using var response = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("npm run build", await response.Content.ReadAsStringAsync());
            // The rest of the host does not need the client.
            using var layer = await client.GetAsync("/map/layers/admin.geojson");
            Assert.Equal(HttpStatusCode.OK, layer.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            Directory.Delete(empty);
        }
    }

    private static async Task<int> CountAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("features").GetArrayLength();
    }
}
