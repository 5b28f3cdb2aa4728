using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Graph.Tests.Transport.Support;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CityTwin.Graph.Tests.Health;

/// <summary>
/// The host as <c>citytwin serve</c> builds it, talking to a real PostgreSQL through a relay the test cuts: while the
/// database is gone GraphQL answers 503 with a reason (over WebSocket, the code SERVICE_UNAVAILABLE), /healthz says
/// the database is down without its error text, and once it is back everything recovers by itself.
/// </summary>
public sealed class DatabaseOutageTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string OperatorKey = "outage-operator-key";
    private const string Query = "{ cameras(first: 1) { nodes { id } } }";

    [Fact]
    public async Task Outage_DatabaseCutThenBack_503WithReasonThenRecovers()
    {
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpCutProxy(direct.Host!, direct.Port);
        var proxied = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1", Port = proxy.Port, Timeout = 3, CommandTimeout = 5,
        }.ConnectionString;
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:KeysFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-no-keys-{Guid.NewGuid():N}.json"),
            [$"CityTwin:ApiKeys:{OperatorKey}"] = "operator",
            ["CityTwin:Imaging:Scp:Enabled"] = "false",
        });
        builder.AddCityTwinHost(new HostSettings(url.ToString().TrimEnd('/'), proxied, LoadDemoCity: false,
            SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        await using var app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        await WaitForAsync(async () => (await HealthAsync(http)).Status == HttpStatusCode.OK, "the host never became ready");

        proxy.Cut();
        var (status, retryAfter, body) = await GraphQLAsync(http);
        var (healthStatus, health) = await HealthAsync(http);
        var webSocketCode = await WebSocketErrorCodeAsync(url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.NotNull(retryAfter);
        var error = body.GetProperty("errors")[0];
        Assert.Equal("SERVICE_UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("database is unavailable", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthStatus);
        var twin = health.GetProperty("checks").GetProperty("twin");
        Assert.False(twin.GetProperty("data").GetProperty("database").GetBoolean());
        Assert.Equal("database unreachable", twin.GetProperty("description").GetString());
        Assert.Equal("SERVICE_UNAVAILABLE", webSocketCode);

        proxy.Restore();
        await WaitForAsync(async () => (await GraphQLAsync(http)).Status == HttpStatusCode.OK, "GraphQL did not recover");
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(http)).Status);
        await app.StopAsync();
    }

    private static async Task<(HttpStatusCode Status, string? RetryAfter, JsonElement Body)> GraphQLAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Query }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Headers.RetryAfter?.ToString(), JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/healthz");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<string?> WebSocketErrorCodeAsync(Uri url)
    {
        await using var client = await RawWebSocketClient.ConnectAndInitAsync(new Uri($"ws://{url.Authority}/graphql"), OperatorKey);
        await client.SubscribeAsync("q", Query);
        var message = await client.ReceiveAsync(TimeSpan.FromSeconds(30));
        // A query's failure comes as "next" with errors (the operation ran) or as "error" (it was refused).
        var errors = message.GetProperty("type").GetString() == "error"
            ? message.GetProperty("payload")
            : message.GetProperty("payload").GetProperty("errors");
        return errors[0].GetProperty("extensions").GetProperty("code").GetString();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        Assert.Fail(failure);
    }
}
