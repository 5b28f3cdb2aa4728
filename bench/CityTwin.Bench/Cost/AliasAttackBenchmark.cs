using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CityTwin.Bench.PlateReads;

namespace CityTwin.Bench.Cost;

/// <summary>
/// <c>alias-attack</c>: the amplification attempts of issue 11 against the product host (operator key, database from
/// <c>CITYTWIN_DB</c>): 700 aliased plate lookups and 300 aliased full introspections in one request each, beside a
/// single lookup and a single introspection. Prints status, error code, time and bytes of each: the refusals should be
/// small and fast, because they happen before anything runs.
/// </summary>
public static class AliasAttackBenchmark
{
    public const string Usage = "alias-attack [--repeat N]   (database: CITYTWIN_DB)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var repeat = args.Count == 2 && args[0] == "--repeat" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var database = Environment.GetEnvironmentVariable("CITYTWIN_DB")
            ?? throw new ArgumentException("set CITYTWIN_DB to a database the bench may migrate");
        var (app, url) = await BenchHost.StartAsync(database);
        try
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchHost.OperatorKey);
            const string introspection = "__schema { types { name fields { name args { name } type { name kind ofType { name kind } } } } }";
            var cases = new (string Name, string Query)[]
            {
                ("1 plate lookup", """{ vehicle(plate: "51K-246.80") { kind } }"""),
                ("700 aliased plate lookups", Aliased(700, i => $"v{i}: vehicle(plate: \"51K-{i % 900 + 100:000}.80\") {{ kind }}")),
                ("1 full introspection", "{ " + introspection + " }"),
                ("300 aliased full introspections", Aliased(300, i => $"s{i}: {introspection}")),
            };
            Console.WriteLine($"cores: {Environment.ProcessorCount}; each case run {repeat} times, median shown");
            Console.WriteLine("| request | request bytes | status | code | response bytes | median ms |");
            Console.WriteLine("|---|---:|---:|---|---:|---:|");
            foreach (var (name, query) in cases)
            {
                var times = new List<double>();
                (int Status, string Code, long Bytes) last = default;
                for (var i = 0; i < repeat; i++)
                {
                    var body = System.Text.Json.JsonSerializer.Serialize(new { query });
                    var clock = Stopwatch.StartNew();
                    using var response = await http.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
                    var text = await response.Content.ReadAsStringAsync();
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    using var json = System.Text.Json.JsonDocument.Parse(text);
                    var code = json.RootElement.TryGetProperty("errors", out var errors) && errors[0].GetProperty("extensions").TryGetProperty("code", out var c)
                        ? c.GetString() ?? "" : "-";
                    last = ((int)response.StatusCode, code, Encoding.UTF8.GetByteCount(text));
                    // Let the key's bucket refill between attempts so each is measured on its own.
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
                times.Sort();
                Console.WriteLine($"| {name} | {Encoding.UTF8.GetByteCount(query):N0} | {last.Status} | {last.Code} | {last.Bytes:N0} | {times[times.Count / 2]:F1} |");
            }
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string Aliased(int count, Func<int, string> field) =>
        "{ " + string.Join(" ", Enumerable.Range(0, count).Select(field)) + " }";
}
