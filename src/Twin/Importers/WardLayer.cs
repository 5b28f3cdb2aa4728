using CityTwin.Twin.Persistence;
using CityTwin.Twin.Wards;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Importers;

/// <summary>
/// Ward boundaries. A ward exists because the city registered it (the demo city, or the ward grain); the import only
/// adds its polygon, so an unknown code is refused rather than creating half a ward.
/// </summary>
internal sealed class WardLayer(ImportOptions options) : LayerHandler<WardRow>(options)
{
    private static readonly string[] CodeFields = ["Commune_ID", "code", "ma_xa", "gso_code"];
    private static readonly string[] NameFields = ["Commune_Na", "name", "ten"];

    public override string KeyOf(ImportFeature feature) =>
        FeatureAttributes.Limit(FeatureAttributes.RequiredText(feature, Options.CodeField, CodeFields), 16, "ward code")!;

    public override WardRow Map(ImportFeature feature, string key, Geometry geometry, DateTimeOffset now) => new()
    {
        Code = key,
        Name = FeatureAttributes.Text(feature, Options.NameField, NameFields) ?? "",
        Boundary = (MultiPolygon)geometry,
    };

    public override async Task<string?[]> CheckAsync(TwinDbContext db, IReadOnlyList<WardRow> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.Code).ToList();
        var known = await db.Set<WardRow>().Where(w => codes.Contains(w.Code)).Select(w => w.Code).ToListAsync(cancellationToken);
        var set = known.ToHashSet(StringComparer.Ordinal);
        return rows.Select(r => set.Contains(r.Code) ? null : $"unknown ward code '{r.Code}' ({r.Name}): register the ward first").ToArray();
    }

    public override async Task<WriteCounts> WriteAsync(TwinDbContext db, IReadOnlyList<WardRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.Code).ToList();
        var current = await db.Set<WardRow>().AsNoTracking().Where(w => codes.Contains(w.Code))
            .ToDictionaryAsync(w => w.Code, w => w.Boundary, StringComparer.Ordinal, cancellationToken);
        var updated = 0;
        foreach (var row in rows)
        {
            if (SameGeometry(current.GetValueOrDefault(row.Code), row.Boundary)) continue;
            // Only the boundary column, and not through the version check: the ward grain owns every other column
            // and never writes the boundary, so neither side can lose the other's write. An active ward grain keeps
            // its cached HasBoundary until it reactivates.
            var boundary = row.Boundary;
            await db.Set<WardRow>().Where(w => w.Code == row.Code)
                .ExecuteUpdateAsync(set => set.SetProperty(w => w.Boundary, boundary), cancellationToken);
            updated++;
        }
        return new WriteCounts(0, updated, rows.Count - updated);
    }
}
