using System.CommandLine;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Importers;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace CityTwin.Graph.Cli;

/// <summary>
/// <c>citytwin import &lt;geojson|shapefile|geopackage&gt; --layer &lt;wards|roads|cameras|pois|districts&gt; FILE</c>:
/// loads a city's real GIS layer into PostGIS. Exit code 0 when everything was written, 2 when features were
/// rejected (nothing written unless --skip-invalid), 1 when the import failed.
/// </summary>
public static class ImportCommand
{
    /// <summary>How many rejected features the summary lists before it only counts the rest.</summary>
    private const int RejectedShown = 50;

    public static Command Create()
    {
        var format = new Argument<ImportFormat>("format") { Description = "File format: geojson, shapefile or geopackage" };
        var file = new Argument<FileInfo>("file") { Description = "The file to import (for a shapefile, the .shp)" };
        var layer = new Option<ImportLayer>("--layer") { Description = "Target layer: wards, roads, cameras, pois or districts", Required = true };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Write the valid features even when some are rejected" };
        var sourceSrid = new Option<int?>("--source-srid") { Description = "SRID of the coordinates (4326 or 32648 for UTM 48N), overriding the file's own" };
        var maxMb = new Option<double>("--max-mb") { Description = "Refuse files larger than this many MB", DefaultValueFactory = _ => ImportOptions.DefaultMaxMegabytes };
        var idField = new Option<string?>("--id-field") { Description = "Attribute holding the feature id (roads, pois, cameras)" };
        var nameField = new Option<string?>("--name-field") { Description = "Attribute holding the name" };
        var codeField = new Option<string?>("--code-field") { Description = "Attribute holding the ward or district code" };
        var category = new Option<string?>("--category") { Description = "POI category for every feature (default: each feature's Type)" };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset name that road and POI ids belong to (default: the file name)" };
        var table = new Option<string?>("--table") { Description = "GeoPackage feature table, when the file has several" };
        var db = new Option<string?>("--db") { Description = "Npgsql connection string (default: CITYTWIN_DB)" };

        var command = new Command("import", "Import a GIS layer (GeoJSON, shapefile, GeoPackage) into the twin's PostGIS tables");
        command.Arguments.Add(format);
        command.Arguments.Add(file);
        foreach (var option in new Option[] { layer, skipInvalid, sourceSrid, maxMb, idField, nameField, codeField, category, dataset, table, db })
            command.Options.Add(option);

        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var connectionString = await HostSettings.ResolveDatabaseOrExplainAsync("import", parse.GetValue(db), null);
            if (connectionString is null) return 1;
            var options = new ImportOptions(parse.GetValue(format), parse.GetValue(layer), parse.GetValue(file)!.FullName)
            {
                SkipInvalid = parse.GetValue(skipInvalid),
                SourceSrid = parse.GetValue(sourceSrid),
                MaxMegabytes = parse.GetValue(maxMb),
                IdField = parse.GetValue(idField),
                NameField = parse.GetValue(nameField),
                CodeField = parse.GetValue(codeField),
                Category = parse.GetValue(category),
                Dataset = parse.GetValue(dataset),
                Table = parse.GetValue(table),
            };
            return await RunAsync(connectionString, options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string connectionString, ImportOptions options, CancellationToken cancellationToken)
    {
        ImportResult result;
        try
        {
            await using var services = new ServiceCollection().AddLogging().AddTwinDatabase(connectionString).BuildServiceProvider();
            var contexts = services.GetRequiredService<IDbContextFactory<TwinDbContext>>();
            await TwinDatabaseMigrator.MigrateAsync(contexts, cancellationToken);
            var importer = new GisImporter(contexts);
            // Progress bars need a terminal; redirected output (CI, pipes) gets only the summary.
            result = AnsiConsole.Profile.Capabilities.Interactive
                ? await AnsiConsole.Progress().AutoClear(false).StartAsync(context =>
                    importer.ImportAsync(options, new PhaseProgress(context), cancellationToken))
                : await importer.ImportAsync(options, null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database that cannot be reached or migrated is an operator problem, not a crash.
            await Console.Error.WriteLineAsync($"citytwin import: {e.GetType().Name}: {e.Message}");
            return 1;
        }
        Render(result);
        return result.ExitCode;
    }

    private static void Render(ImportResult result)
    {
        if (result.Error is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]import failed:[/] {result.Error}");
            return;
        }
        var summary = new Table().AddColumn("features").AddColumn(new TableColumn("count").RightAligned());
        summary.AddRow("read", result.Read.ToString());
        summary.AddRow("accepted", result.Accepted.ToString());
        summary.AddRow("rejected", result.Rejected.Count.ToString());
        summary.AddRow("written (inserted + updated)", result.Written ? (result.Inserted + result.Updated).ToString() : "0");
        summary.AddRow("  inserted", result.Inserted.ToString());
        summary.AddRow("  updated", result.Updated.ToString());
        summary.AddRow("  unchanged", result.Unchanged.ToString());
        AnsiConsole.Write(summary);
        AnsiConsole.WriteLine($"{Path.GetFileName(result.File)} → {result.Layer.ToString().ToLowerInvariant()} (read as SRID {result.SourceSrid}) in {result.Elapsed.TotalSeconds:F1} s");

        if (result.Rejected.Count == 0) return;
        var rejected = new Table().AddColumn("index").AddColumn("id").AddColumn("reason");
        foreach (var feature in result.Rejected.Take(RejectedShown))
            rejected.AddRow(new Text(feature.Index.ToString()), new Text(feature.Id ?? "—"), new Text(feature.Reason));
        if (result.Rejected.Count > RejectedShown)
            rejected.Caption($"and {result.Rejected.Count - RejectedShown} more");
        AnsiConsole.Write(rejected);
        AnsiConsole.MarkupLine(result.Written
            ? "[yellow]the valid features were written; the rejected ones were skipped[/]"
            : "[red]nothing was written[/]: fix the features above, or pass --skip-invalid to write the valid ones");
    }

    /// <summary>One Spectre progress bar per import phase; reports arrive on the importer's thread, in order.</summary>
    private sealed class PhaseProgress(ProgressContext context) : IProgress<ImportProgress>
    {
        private readonly Dictionary<string, ProgressTask> tasks = [];

        public void Report(ImportProgress value)
        {
            if (!tasks.TryGetValue(value.Phase, out var task))
                tasks[value.Phase] = task = context.AddTask(value.Phase);
            if (value.Total <= 0)
            {
                task.IsIndeterminate = true;
                return;
            }
            task.IsIndeterminate = false;
            task.MaxValue = value.Total;
            task.Value = value.Done;
        }
    }
}
