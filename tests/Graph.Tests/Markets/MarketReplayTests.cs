using CityTwin.Graph.Cli;

namespace CityTwin.Graph.Tests.Markets;

/// <summary>
/// <c>citytwin replay market</c> against the host started through the product's start-up path, reading the keys and
/// connector files as it does after <c>./run</c>: the city's figures come out exactly, and a second run changes nothing.
/// </summary>
[Collection(MarketsCollection.Name)]
public sealed class MarketReplayTests(MarketsHost host)
{
    private Task<int> ReplayAsync(string market) => CityTwinCommandLine.Create().Parse(
        ["replay", "market", market, "--speed", "max", "--url", host.BaseUrl.ToString(), "--keys-file", host.KeysFile, "--connectors-file", host.ConnectorsFile])
        .InvokeAsync();

    [Fact]
    public async Task ReplayBenThanh_AtMaxSpeed_77Sessions18200Orders4Point2BillionVnd()
    {
        Assert.Equal(0, await ReplayAsync("ben-thanh"));

        var market = (await host.GraphQLAsync("""{ market(id: "store-cho-ben-thanh") { sessionCount orderCount revenueVnd startsAt endsAt } }"""))
            .GetProperty("data").GetProperty("market");
        Assert.Equal(77, market.GetProperty("sessionCount").GetInt32());
        Assert.Equal(18_200, market.GetProperty("orderCount").GetInt64());
        Assert.Equal(4_200_000_000, market.GetProperty("revenueVnd").GetInt64());
        Assert.Equal(TimeSpan.FromDays(5), market.GetProperty("endsAt").GetDateTimeOffset() - market.GetProperty("startsAt").GetDateTimeOffset());

        // The same seeded stream again: every event is a duplicate, nothing moves.
        Assert.Equal(0, await ReplayAsync("ben-thanh"));
        Assert.Equal((18_200L, 4_200_000_000L, 77, true), await host.TotalsAsync("store-cho-ben-thanh"));
    }

    [Fact]
    public async Task ReplayThuDuc_AtMaxSpeed_50Retailers20TikTokSessions17350Orders()
    {
        Assert.Equal(0, await ReplayAsync("thu-duc"));

        var market = (await host.GraphQLAsync("""{ market(id: "store-cho-thu-duc") { retailerCount sessionCount orderCount revenueVnd sessions { platform } } }"""))
            .GetProperty("data").GetProperty("market");
        Assert.Equal(50, market.GetProperty("retailerCount").GetInt32());
        Assert.Equal(20, market.GetProperty("sessionCount").GetInt32());
        Assert.Equal(17_350, market.GetProperty("orderCount").GetInt64());
        Assert.All(market.GetProperty("sessions").EnumerateArray(), s => Assert.Equal("TikTok", s.GetProperty("platform").GetString()));
        Assert.Equal(ReplayMarketPlan.Create(ReplayMarketScenario.ThuDuc).RevenueVnd, market.GetProperty("revenueVnd").GetInt64());
    }

    [Fact]
    public async Task Replay_NoHostAtUrl_OneLineErrorExit1()
    {
        var code = await CityTwinCommandLine.Create().Parse(
            ["replay", "market", "thu-duc", "--url", $"http://127.0.0.1:{Testing.FreePort.Next()}", "--keys-file", host.KeysFile, "--connectors-file", host.ConnectorsFile])
            .InvokeAsync();

        Assert.Equal(1, code);
    }
}
