using System.Data.Common;
using System.Diagnostics;
using CityTwin.Twin.Common;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Importers;

/// <summary>
/// Imports a GIS layer (GeoJSON, shapefile, GeoPackage) into its PostGIS table. Every feature is validated before
/// anything is written; the write is one transaction and an upsert, so re-importing a file changes nothing.
/// By default one rejected feature means nothing is written; <see cref="ImportOptions.SkipInvalid"/> writes the rest.
/// File-level problems come back as <see cref="ImportResult.Error"/>, never as an exception (except cancellation).
/// </summary>
public sealed class GisImporter(IDbContextFactory<TwinDbContext> contexts, TimeProvider? clock = null)
{
    private const int ProgressEvery = 256;

    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>Reads, validates and writes the layer that <paramref name="options"/> describe.</summary>
    public Task<ImportResult> ImportAsync(ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Layer switch
        {
            ImportLayer.Wards => RunAsync(new WardLayer(options), options, progress, cancellationToken),
            ImportLayer.Districts => RunAsync(new DistrictLayer(options), options, progress, cancellationToken),
            ImportLayer.Roads => RunAsync(new RoadLayer(options), options, progress, cancellationToken),
            ImportLayer.Pois => RunAsync(new PoiLayer(options), options, progress, cancellationToken),
            ImportLayer.Cameras => RunAsync(new CameraLayer(options), options, progress, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Layer, "unknown layer"),
        };
    }

    private async Task<ImportResult> RunAsync<TRow>(LayerHandler<TRow> layer, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        where TRow : class
    {
        var started = Stopwatch.GetTimestamp();
        var result = new ImportResult { File = options.FilePath, Layer = options.Layer };
        SourceLayer source;
        int srid;
        try
        {
            progress?.Report(new ImportProgress(ImportProgress.Reading, 0, 0));
            source = FeatureSources.Read(options);
            srid = CoordinateSystems.Resolve(options, source);
            progress?.Report(new ImportProgress(ImportProgress.Reading, source.Features.Count, source.Features.Count));
        }
        catch (ImportFileException e)
        {
            return result with { Error = e.Message, Elapsed = Stopwatch.GetElapsedTime(started) };
        }

        var now = clock.GetUtcNow();
        var rejected = new List<RejectedFeature>();
        var accepted = Validate(layer, source.Features, srid, options.Layer, now, rejected, progress, cancellationToken);
        result = result with { Read = source.Features.Count, SourceSrid = srid };
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = accepted.Select(a => a.Row).ToList();
            var reasons = await layer.CheckAsync(db, rows, cancellationToken);
            for (var i = 0; i < accepted.Count; i++)
                if (reasons[i] is { } reason) rejected.Add(new RejectedFeature(accepted[i].Feature.Index, accepted[i].Key, reason));
            var valid = accepted.Where((_, i) => reasons[i] is null).Select(a => a.Row).ToList();
            result = result with { Accepted = valid.Count, Rejected = rejected.OrderBy(r => r.Index).ToList() };
            if (rejected.Count > 0 && !options.SkipInvalid)
                return result with { Elapsed = Stopwatch.GetElapsedTime(started) };

            progress?.Report(new ImportProgress(ImportProgress.Writing, 0, valid.Count));
            var counts = await layer.WriteAsync(db, valid, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Report(new ImportProgress(ImportProgress.Writing, valid.Count, valid.Count));
            return result with
            {
                Written = true, Inserted = counts.Inserted, Updated = counts.Updated, Unchanged = counts.Unchanged,
                Elapsed = Stopwatch.GetElapsedTime(started),
            };
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            // The transaction rolls back on dispose, so a failed write leaves the tables as they were.
            var reason = e is DbUpdateException { InnerException: { } inner } ? inner.Message : e.Message;
            return result with { Error = $"{Path.GetFileName(options.FilePath)}: database error, nothing written: {reason}", Elapsed = Stopwatch.GetElapsedTime(started) };
        }
    }

    /// <summary>Geometry, attributes and duplicates, feature by feature; nothing here touches the database.</summary>
    private static List<(ImportFeature Feature, string Key, TRow Row)> Validate<TRow>(
        LayerHandler<TRow> layer, IReadOnlyList<ImportFeature> features, int srid, ImportLayer target, DateTimeOffset now,
        List<RejectedFeature> rejected, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        where TRow : class
    {
        var keys = new string?[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            try { keys[i] = layer.KeyOf(features[i]); }
            catch (TwinValidationException e) { rejected.Add(new RejectedFeature(features[i].Index, features[i].Id, e.Message)); }
        }
        // Every feature that shares an id is refused: the file does not say which one is right.
        var positions = keys.Select((key, i) => (key, i)).Where(k => k.key is not null)
            .GroupBy(k => k.key!, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(k => features[k.i].Index)), StringComparer.Ordinal);

        var accepted = new List<(ImportFeature, string, TRow)>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (keys[i] is { } key)
            {
                try
                {
                    TwinValidationException.Require(!positions.TryGetValue(key, out var where), $"duplicate id '{key}' (features {where})");
                    var geometry = GeometryRules.Normalise(features[i].Geometry, srid, target);
                    accepted.Add((features[i], key, layer.Map(features[i], key, geometry, now)));
                }
                catch (Exception e) when (e is TwinValidationException or ArgumentException)
                {
                    rejected.Add(new RejectedFeature(features[i].Index, key, e.Message));
                }
            }
            if ((i + 1) % ProgressEvery == 0 || i + 1 == features.Count)
                progress?.Report(new ImportProgress(ImportProgress.Validating, i + 1, features.Count));
        }
        return accepted;
    }
}
