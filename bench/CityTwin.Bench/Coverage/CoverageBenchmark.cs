using System.Diagnostics;
using System.Globalization;
using CityTwin.Twin.Coverage;
using CityTwin.Twin.Demo;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Importers.RealLayers;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Planning;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CityTwin.Bench.Coverage;

/// <summary>
/// <c>coverage</c>: on a throwaway database with the demo wards and the real Thu Duc layers, times city-wide coverage,
/// then plans N new cameras over the real candidates with greedy and CP-SAT side by side.
/// </summary>
public static class CoverageBenchmark
{
    public const string Usage =
        "usage: CityTwin.Bench coverage [--db CONN] [--shared DIR] [--count 50] [--kind ptz360|sector] [--time-limit 30] [--spacing 50] [--runs 5] [--solver proved|cpsat|scip] [--keep yes]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args);
        var admin = options.GetValueOrDefault("db") ?? Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable);
        var shared = RealLayerFiles.Root(options.GetValueOrDefault("shared") ?? Environment.GetEnvironmentVariable("CITYTWIN_SHARED"));
        if (admin is null || shared is null || !RealLayerFiles.Present(shared))
        {
            Console.Error.WriteLine($"coverage: needs a database (--db or CITYTWIN_DB) and the shared real layers (--shared or CITYTWIN_SHARED)\n{Usage}");
            return 2;
        }
        var count = int.Parse(options.GetValueOrDefault("count") ?? "50", CultureInfo.InvariantCulture);
        var kind = Enum.Parse<CameraSiteKind>(options.GetValueOrDefault("kind") ?? "ptz360", ignoreCase: true);
        var limit = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("time-limit") ?? "30", CultureInfo.InvariantCulture));
        var spacing = double.Parse(options.GetValueOrDefault("spacing") ?? "50", CultureInfo.InvariantCulture);
        var runs = int.Parse(options.GetValueOrDefault("runs") ?? "5", CultureInfo.InvariantCulture);

        var name = $"citytwin_bench_cov_{Guid.NewGuid():N}"[..30];
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            await using var services = new ServiceCollection().AddLogging().AddTwinDatabase(connection).AddTwinCoverage().BuildServiceProvider();
            var contexts = services.GetRequiredService<IDbContextFactory<TwinDbContext>>();
            await TwinDatabaseMigrator.MigrateAsync(contexts, CancellationToken.None);
            await using (var db = await contexts.CreateDbContextAsync())
            {
                foreach (var ward in DemoCity.Load().Wards)
                    db.Add(new WardRow
                    {
                        Code = ward.Code, Name = ward.Name, DistrictName = ward.District, DistrictCode = ward.DistrictCode,
                        LabelPoint = new GeoPoint(ward.Lon, ward.Lat).ToPoint(), Version = 1, UpdatedAt = DateTimeOffset.UtcNow,
                    });
                await db.SaveChangesAsync();
            }
            var load = Stopwatch.StartNew();
            await services.GetRequiredService<RealLayerLoader>().LoadAsync(shared);
            Console.WriteLine($"real layers loaded in {load.Elapsed.TotalSeconds:F1} s (demo wards, outline, 34 ward polygons, 2,264 roads, 119 portal cameras)");

            var calculator = services.GetRequiredService<CoverageCalculator>();
            var times = new List<double>();
            CoverageReport report = null!;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                report = await calculator.ComputeAsync(new CoverageRequest());
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"city-wide coverage: {report.City.LengthM / 1000:F1} km of road, {report.City.Percent:F1}% covered, {report.Wards.Count} wards; " +
                $"median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms over {runs} runs ({Environment.ProcessorCount} cores)");
            var gapsWatch = Stopwatch.StartNew();
            var gaps = await calculator.GapsAsync(new CoverageRequest());
            Console.WriteLine($"gaps: {gaps.Count} uncovered stretches ranked in {gapsWatch.ElapsedMilliseconds} ms");

            var request = new PlanRequest(count, kind, null, [], limit) { CandidateSpacingM = spacing };
            var buildWatch = Stopwatch.StartNew();
            var model = await services.GetRequiredService<PlanningModelBuilder>().BuildAsync(request);
            var pairs = model.Covers.Sum(c => c.Length);
            Console.WriteLine($"model: {model.Sites.Count} candidate sites, {model.Elements.Count} uncovered elements, {pairs} coverage pairs, built in {buildWatch.Elapsed.TotalSeconds:F1} s");
            var greedy = GreedySiting.Choose(model, count);
            var presolveWatch = Stopwatch.StartNew();
            var reduced = SitingPresolve.Reduce(model);
            Console.WriteLine($"presolve: {reduced.Sites.Length} sites kept ({reduced.DroppedSites} dominated or empty dropped), " +
                $"{reduced.GroupWeights.Length} element groups, {reduced.SiteGroups.Sum(g => g.Length)} pairs, in {presolveWatch.Elapsed.TotalSeconds:F2} s");
            var solverName = options.GetValueOrDefault("solver") ?? "proved";
            var exact = solverName switch
            {
                "cpsat" => ExactSiting.Choose(model, count, limit, greedy),
                "scip" => MipSiting.Choose(model, count, limit, greedy),
                _ => ProvedSiting.Choose(model, count, limit, greedy, trace: line => Console.WriteLine($"  {line}")),
            };
            Console.WriteLine("| solver | cameras | added km | weighted gain | proved bound | gap % | time s |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| greedy | {greedy.Sites.Count} | {model.CoveredLengthM(greedy.Sites) / 1000:F2} | {greedy.Objective:F0} | – | {(exact.Bound is { } b && b > 0 ? 100 * (b - greedy.Objective) / b : 0):F2} (vs the proved bound) | {greedy.Elapsed.TotalSeconds:F2} |");
            Console.WriteLine($"| {solverName} (bound: {exact.BoundSource ?? "solver"}) | {exact.Sites.Count} | {model.CoveredLengthM(exact.Sites) / 1000:F2} | {exact.Objective:F0} | {exact.Bound:F0} | {exact.GapPercent:F2} | {exact.Elapsed.TotalSeconds:F2} |");
            Console.WriteLine($"exact {(exact.Optimal ? "proved optimal" : exact.GapPercent <= 100 * ProvedSiting.TargetGap ? "within the target gap" : "stopped at the time limit")}; " +
                $"target: gap <= 1% in < 30 s -> {(exact.GapPercent <= 1 && exact.Elapsed.TotalSeconds < 30 ? "MET" : "NOT MET")}; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (options.ContainsKey("keep")) Console.WriteLine($"kept database {name}");
            else await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        await using var command = new NpgsqlCommand(sql, open);
        await command.ExecuteNonQueryAsync();
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected '{args[i]}'");
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }
}
