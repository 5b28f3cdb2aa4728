using CityTwin.Twin.Persistence;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Importers;

/// <summary>Rows a write created, changed, or found already as imported.</summary>
internal readonly record struct WriteCounts(int Inserted, int Updated, int Unchanged);

/// <summary>
/// What one layer adds to the common pipeline: its key, its attribute mapping, its checks against the database
/// and its upsert. Mapping and checks throw or return reasons; only <see cref="WriteAsync"/> changes anything.
/// </summary>
internal abstract class LayerHandler<TRow>(ImportOptions options) where TRow : class
{
    protected ImportOptions Options { get; } = options;

    /// <summary>The key rows are upserted on (code, camera id, or <c>dataset:id</c>); throws when the feature has none.</summary>
    public abstract string KeyOf(ImportFeature feature);

    /// <summary>The row a valid feature becomes; throws <see cref="Common.TwinValidationException"/> with the reason.</summary>
    public abstract TRow Map(ImportFeature feature, string key, Geometry geometry, DateTimeOffset now);

    /// <summary>A reason per row that the database refuses (unknown ward...), null where it is fine.</summary>
    public virtual Task<string?[]> CheckAsync(TwinDbContext db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken) =>
        Task.FromResult(new string?[rows.Count]);

    /// <summary>Inserts new rows and updates changed ones, inside the caller's transaction.</summary>
    public abstract Task<WriteCounts> WriteAsync(TwinDbContext db, IReadOnlyList<TRow> rows, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Road and POI ids are only unique within their file, so they are stored as <c>dataset:id</c>.</summary>
    protected string DatasetKey(string id)
    {
        var dataset = string.IsNullOrWhiteSpace(Options.Dataset) ? Path.GetFileNameWithoutExtension(Options.FilePath) : Options.Dataset.Trim();
        return FeatureAttributes.Limit($"{dataset}:{id}", 64, "source id (dataset:id)")!;
    }

    /// <summary>Geometry equality that survives a round trip through PostGIS (same coordinates, same structure).</summary>
    protected static bool SameGeometry(Geometry? a, Geometry? b) => a is null ? b is null : b is not null && a.EqualsExact(b);
}
