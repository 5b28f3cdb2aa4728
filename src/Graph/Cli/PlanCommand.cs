using System.CommandLine;
using System.Text.Json.Nodes;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Common;
using CityTwin.Twin.Coverage;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Planning;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Spectre.Console;

namespace CityTwin.Graph.Cli;

/// <summary>
/// <c>citytwin plan cameras --count N --kind sector|ptz360 [--area FILE] [--time-limit S] [--db CONN]</c>: solves where
/// N new cameras cover the most road, stores the plan, and prints as its last line
/// <c>coverage before X% after Y% (+Z km), gap G%</c>. Exit 0 solved, 2 refused input, 1 no database or a failure.
/// </summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "New cameras to place (at least 1, at most the candidate sites)", Required = true };
        var kind = new Option<CameraSiteKind>("--kind") { Description = "sector (90°, 120 m) or ptz360 (360°, 200 m)", Required = true };
        var area = new Option<FileInfo?>("--area") { Description = "GeoJSON file with one WGS84 Polygon or MultiPolygon (geometry, Feature or FeatureCollection): plan only inside it" };
        var classes = new Option<RoadClass[]>("--road-classes") { Description = "Roads whose coverage counts: arterial, local, alley, gateway (default: all)", AllowMultipleArgumentsPerToken = true };
        var timeLimit = new Option<double>("--time-limit") { Description = "Solver time limit in seconds (> 0); the best plan found by then is returned with its gap", DefaultValueFactory = _ => 10 };
        var export = new Option<FileInfo?>("--export") { Description = "Also write the plan's sites to this file: .geojson (sites and view areas) or .csv" };
        var db = new Option<string?>("--db") { Description = "Npgsql connection string (default: CITYTWIN_DB)" };

        var cameras = new Command("cameras", "Choose sites for new cameras that add the most covered road (greedy and the exact OR-Tools solve side by side)");
        foreach (var option in new Option[] { count, kind, area, classes, timeLimit, export, db })
            cameras.Options.Add(option);
        cameras.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var connectionString = await HostSettings.ResolveDatabaseOrExplainAsync("plan cameras", parse.GetValue(db), null);
            if (connectionString is null) return 1;
            var exportFile = parse.GetValue(export);
            if (exportFile is not null && exportFile.Extension is not (".geojson" or ".csv"))
                return await RefuseAsync($"--export must end in .geojson or .csv (got {exportFile.Name})");
            Geometry? areaGeometry;
            try
            {
                areaGeometry = parse.GetValue(area) is { } file ? ReadArea(file) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
            {
                return await RefuseAsync($"--area: {e.Message}");
            }
            var request = new PlanRequest(parse.GetValue(count), parse.GetValue(kind), areaGeometry, parse.GetValue(classes) ?? [],
                TimeSpan.FromSeconds(parse.GetValue(timeLimit)));
            return await RunAsync(connectionString, request, exportFile, cancellationToken);
        });

        var plan = new Command("plan", "Plan new cameras over the imported roads");
        plan.Subcommands.Add(cameras);
        return plan;
    }

    private static async Task<int> RunAsync(string connectionString, PlanRequest request, FileInfo? exportFile, CancellationToken cancellationToken)
    {
        try
        {
            CameraPlanner.Check(request);
            await using var services = new ServiceCollection().AddLogging().AddTwinDatabase(connectionString).AddTwinCoverage().BuildServiceProvider();
            await TwinDatabaseMigrator.MigrateAsync(services.GetRequiredService<IDbContextFactory<TwinDbContext>>(), cancellationToken);
            var planner = services.GetRequiredService<CameraPlanner>();
            // The bar goes to stderr: stdout carries only the plan, its last line the summary scripts read.
            var bar = PlanProgressBar.ForConsole();
            var result = await planner.PlanAsync(request, bar, cancellationToken: cancellationToken);
            bar.Finish();
            Render(result);
            if (exportFile is not null)
            {
                await File.WriteAllTextAsync(exportFile.FullName, exportFile.Extension == ".csv" ? PlanExport.ToCsv(result) : PlanExport.ToGeoJson(result), cancellationToken);
                Console.WriteLine($"wrote {result.Sites.Count} sites to {exportFile.FullName}");
            }
            Console.WriteLine(result.Summary());
            return 0;
        }
        catch (TwinValidationException e)
        {
            return await RefuseAsync(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database that cannot be reached or migrated is an operator problem, not a crash.
            await Console.Error.WriteLineAsync($"citytwin plan cameras: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    private static void Render(CameraPlan plan)
    {
        var table = new Table().AddColumn("rank").AddColumn("longitude").AddColumn("latitude").AddColumn("heading").AddColumn("ward").AddColumn(new TableColumn("gain m").RightAligned());
        foreach (var site in plan.Sites)
            table.AddRow($"{site.Rank}", $"{site.Longitude:F6}", $"{site.Latitude:F6}", $"{site.HeadingDeg:F0}°", site.WardCode, $"{site.GainM:F0}");
        AnsiConsole.Write(table);
        Console.WriteLine($"plan {plan.Id}: {plan.CandidateCount} candidate sites; {(plan.Optimal ? "proved optimal" : $"gap {plan.GapPercent:F2}%")} in {plan.SolveSeconds:F1} s, bound proved by {plan.BoundSource ?? "no solver"}");
        Console.WriteLine($"greedy beside it: after {plan.GreedyAfterPercent:F1}% (+{plan.GreedyAddedM / 1000:F2} km) in {plan.GreedySeconds:F2} s");
        Console.WriteLine($"line of sight is not modelled (no building heights); adopt with the adoptPlan mutation (planId: \"{plan.Id}\")");
    }

    /// <summary>One polygon from a GeoJSON geometry, Feature, or FeatureCollection of one feature.</summary>
    private static Geometry ReadArea(FileInfo file)
    {
        var node = JsonNode.Parse(File.ReadAllText(file.FullName)) ?? throw new InvalidOperationException("the file is empty");
        var geometry = (string?)node["type"] switch
        {
            "FeatureCollection" => node["features"]!.AsArray() is { Count: 1 } one ? one[0]!["geometry"] : throw new InvalidOperationException("a FeatureCollection must hold exactly one feature"),
            "Feature" => node["geometry"],
            _ => node,
        } ?? throw new InvalidOperationException("the feature has no geometry");
        return GeoJsonReader.Read(geometry.ToJsonString());
    }

    private static async Task<int> RefuseAsync(string reason)
    {
        await Console.Error.WriteLineAsync($"citytwin plan cameras: {reason}");
        return 2;
    }
}
