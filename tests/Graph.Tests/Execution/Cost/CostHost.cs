using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace CityTwin.Graph.Tests.RequestCost;

/// <summary>
/// The product host (<c>AddCityTwinHost</c> + <c>MapCityTwinEndpoints</c>, as <c>citytwin serve</c> wires it) on a real
/// database and silo, with small per-role budgets: operators 100 tokens refilled at 1 per second.
/// </summary>
public sealed class CostHost : IAsyncLifetime
{
    public const string OperatorKey = "cost-operator-key";
    public const string PartnerKey = "cost-partner-key";
    public const string PlannerKey = "cost-planner-key";
    public const int OperatorBurst = 100;

    private WebApplication? app;

    public TestDatabase Database { get; } = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:KeysFile"] = Path.Combine(Path.GetTempPath(), $"citytwin-no-keys-{Guid.NewGuid():N}.json"),
            [$"CityTwin:ApiKeys:{OperatorKey}"] = "operator",
            [$"CityTwin:ApiKeys:{PartnerKey}"] = "partner",
            [$"CityTwin:ApiKeys:{PlannerKey}"] = "planner",
            ["CityTwin:GraphQL:RateLimit:Roles:operator:PermitsPerSecond"] = "1",
            ["CityTwin:GraphQL:RateLimit:Roles:operator:Burst"] = OperatorBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddCityTwinHost(new HostSettings(url.ToString().TrimEnd('/'), Database.ConnectionString, LoadDemoCity: false,
            SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        Http.BaseAddress = url;
    }

    /// <summary>POSTs a document; the answer with its status, headers, size and time taken.</summary>
    public async Task<CostAnswer> PostAsync(string key, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var clock = Stopwatch.StartNew();
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        clock.Stop();
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new CostAnswer(response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), headers, body.Length, clock.Elapsed);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await Database.DisposeAsync();
    }
}

/// <summary>One HTTP answer of <see cref="CostHost"/>.</summary>
public sealed record CostAnswer(System.Net.HttpStatusCode Status, JsonElement Body, IReadOnlyDictionary<string, string> Headers, int Bytes, TimeSpan Took)
{
    public string? FirstErrorCode => Body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
        ? errors[0].GetProperty("extensions").GetProperty("code").GetString()
        : null;

    public string FirstErrorMessage => Body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("message").GetString() ?? "" : "";

    public int Header(string name) => int.Parse(Headers[name], System.Globalization.CultureInfo.InvariantCulture);
}
