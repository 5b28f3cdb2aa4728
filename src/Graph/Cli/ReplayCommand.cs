using System.CommandLine;
using System.Globalization;
using CityTwin.Graph.Auth;
using CityTwin.Graph.Webhooks;

namespace CityTwin.Graph.Cli;

/// <summary>
/// <c>citytwin replay market thu-duc|ben-thanh [--speed N|max] [--url URL]</c>: replays a market story's deterministic
/// order stream through a running host's signed webhook, then checks the totals it reads back.
/// </summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("market") { Description = "thu-duc or ben-thanh" };
        name.AcceptOnlyFromAmong([.. ReplayMarketScenario.All.Select(s => s.Slug)]);
        var speed = new Option<string>("--speed") { Description = "How many times faster than the story's own clock, or max (default 3600: an hour a second)", DefaultValueFactory = _ => "3600" };
        var url = new Option<string>("--url") { Description = $"The running host (default {HostSettings.DefaultUrls})", DefaultValueFactory = _ => HostSettings.DefaultUrls };
        var keysFile = new Option<string?>("--keys-file") { Description = "Development API keys with an operator key (default: .data/dev-keys.json that ./run writes)" };
        var connectorsFile = new Option<string?>("--connectors-file") { Description = "Connector secrets (default: .data/dev-connectors.json that ./run writes)" };
        var connector = new Option<string?>("--connector") { Description = "Which connector of the file signs the requests (default: the first)" };

        var market = new Command("market", "Replay an online market's livestream orders: thu-duc (50 retailers, 20 sessions, 17,350 orders) or ben-thanh (77 sessions, 18,200 orders, 4,200,000,000 VND)");
        market.Arguments.Add(name);
        foreach (var option in new Option[] { speed, url, keysFile, connectorsFile, connector }) market.Options.Add(option);
        market.SetAction(async (parse, cancellationToken) =>
        {
            var scenario = ReplayMarketScenario.All.Single(s => s.Slug == parse.GetValue(name));
            var speedText = parse.GetValue(speed)!;
            double? factor = speedText == "max" ? null
                : double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0 && double.IsFinite(f) ? f
                : -1;
            if (factor is < 0)
            {
                await Console.Error.WriteLineAsync($"citytwin replay: --speed must be a positive number or max, not '{speedText}'");
                return 2;
            }
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            {
                await Console.Error.WriteLineAsync($"citytwin replay: --url must be an http(s) URL, not '{parse.GetValue(url)}'");
                return 2;
            }
            if (!TryReadSecrets(parse.GetValue(keysFile), parse.GetValue(connectorsFile), parse.GetValue(connector), out var operatorKey, out var connectorId, out var secret, out var problem))
            {
                await Console.Error.WriteLineAsync($"citytwin replay: {problem}");
                return 2;
            }
            return await RunAsync(scenario, baseUrl, factor, operatorKey, connectorId, secret, cancellationToken);
        });

        var replay = new Command("replay", "Replay a story of the city through a running host");
        replay.Subcommands.Add(market);
        return replay;
    }

    private static async Task<int> RunAsync(ReplayMarketScenario scenario, Uri baseUrl, double? speed, string operatorKey, string connectorId, string secret,
        CancellationToken cancellationToken)
    {
        var plan = ReplayMarketPlan.Create(scenario);
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        ReplayMarketOutcome outcome;
        try
        {
            outcome = await new ReplayMarketRunner(http, operatorKey, connectorId, secret, Console.Out).RunAsync(plan, speed, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"citytwin replay: cannot reach {baseUrl}: {e.Message} (is ./run running?)");
            return 1;
        }
        catch (ReplayFailedException e)
        {
            await Console.Error.WriteLineAsync($"citytwin replay: {e.Message}");
            return 1;
        }
        var expectedRevenue = scenario.RevenueVnd ?? plan.RevenueVnd;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"replay {scenario.Slug}: {outcome.EventsSent:N0} order events in {outcome.Wall.TotalSeconds:0.0} s; market {scenario.MarketId}: {outcome.RetailerCount} retailers, {outcome.SessionCount} sessions, {outcome.OrderCount:N0} orders, {outcome.RevenueVnd:N0} VND; reconciliation {(outcome.ReconciliationExact ? "exact" : "NOT exact")}"));
        var matches = outcome.RetailerCount == scenario.Retailers && outcome.SessionCount == scenario.Sessions && outcome.OrderCount == scenario.Orders
            && outcome.RevenueVnd == expectedRevenue && outcome.ReconciliationExact;
        if (!matches)
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"citytwin replay: expected {scenario.Retailers} retailers, {scenario.Sessions} sessions, {scenario.Orders:N0} orders, {expectedRevenue:N0} VND and an exact reconciliation (other data for this market on the host?)"));
        return matches ? 0 : 1;
    }

    private static bool TryReadSecrets(string? keysFile, string? connectorsFile, string? connectorId, out string operatorKey, out string connector, out string secret, out string problem)
    {
        operatorKey = connector = secret = problem = "";
        var keysPath = KeysFileLocator.Resolve(keysFile);
        var connectorsPath = ConnectorSecrets.ResolveFile(connectorsFile);
        try
        {
            using var keys = System.Text.Json.JsonDocument.Parse(File.ReadAllText(keysPath));
            if (!keys.RootElement.TryGetProperty("operator", out var key) || key.GetString() is not { Length: > 0 } k)
            {
                problem = $"{keysPath} has no operator key";
                return false;
            }
            operatorKey = k;
            var connectors = ConnectorSecrets.Read(connectorsPath);
            var chosen = connectors.FirstOrDefault(c => connectorId is null || c.Id == connectorId);
            if (chosen.Id is null)
            {
                problem = connectorId is null ? $"{connectorsPath} names no connector" : $"{connectorsPath} has no connector '{connectorId}'";
                return false;
            }
            (connector, secret) = chosen;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidOperationException)
        {
            problem = $"cannot read the development keys ({keysPath}) and connector secrets ({connectorsPath}): {e.Message.TrimEnd('.')}. Start the host with ./run, which writes them.";
            return false;
        }
    }
}
