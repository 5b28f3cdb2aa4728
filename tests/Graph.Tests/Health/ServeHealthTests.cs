using System.Net;
using System.Text.Json;
using CityTwin.Graph.Cli;
using CityTwin.Testing;

namespace CityTwin.Graph.Tests.Health;

/// <summary><c>citytwin serve</c> in this process: real Kestrel, a real silo, a real database, the demo city.</summary>
public sealed class ServeHealthTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Serve_DemoCity_HealthTurnsReadyWithCounts()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var host = CityTwinCommandLine.Create()
            .Parse(["serve", "--db", database.ConnectionString, "--urls", url,
                "--silo-port", FreePort.Next().ToString(), "--gateway-port", FreePort.Next().ToString()])
            .InvokeAsync(cancellationToken: stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };

        var (status, body) = await PollUntilReadyAsync(http, host, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        Assert.Equal(0, await host.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        var demo = json.RootElement.GetProperty("checks").GetProperty("twin").GetProperty("data").GetProperty("demoCity");
        Assert.Equal(124, demo.GetProperty("cameras").GetInt32());
        Assert.Equal(124L, await database.ScalarAsync("SELECT count(*) FROM cameras"));
    }

    [Fact]
    public async Task Serve_UnreachableDatabase_ExitsWithError()
    {
        var unreachable = $"Host=127.0.0.1;Port={FreePort.Next()};Database=none;Username=none;Password=none;Timeout=2";
        var exit = await CityTwinCommandLine.Create()
            .Parse(["serve", "--db", unreachable, "--urls", $"http://127.0.0.1:{FreePort.Next()}",
                "--silo-port", FreePort.Next().ToString(), "--gateway-port", FreePort.Next().ToString()])
            .InvokeAsync()
            .WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, exit);
    }

    [Fact]
    public void ResolveConnectionString_OptionGiven_WinsOverConfiguration() =>
        Assert.Equal("Host=option", HostSettings.ResolveConnectionString("Host=option", "Host=configuration"));

    private static async Task<(HttpStatusCode Status, string Body)> PollUntilReadyAsync(HttpClient http, Task<int> host, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        (HttpStatusCode, string) last = (HttpStatusCode.ServiceUnavailable, "not started");
        while (DateTime.UtcNow < deadline && !host.IsCompleted)
        {
            try
            {
                using var response = await http.GetAsync("/healthz");
                last = (response.StatusCode, await response.Content.ReadAsStringAsync());
                if (response.StatusCode == HttpStatusCode.OK) return last;
            }
            catch (HttpRequestException)
            {
                // Kestrel is not listening yet.
            }
            await Task.Delay(250);
        }
        return last;
    }
}
