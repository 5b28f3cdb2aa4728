using CityTwin.Twin.Common;
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
    private static readonly string[] CodeFields = ["Commune_ID", "Com_ID", "code", "ma_xa", "gso_code"];
    private static readonly string[] NameFields = ["Commune_Na", "Com_Name", "name", "ten"];
    private static readonly string[] PopulationFields = ["Pop_2019", "population", "dan_so"];

    public override string KeyOf(ImportFeature feature) =>
        FeatureAttributes.Limit(FeatureAttributes.RequiredText(feature, Options.CodeField, CodeFields), 16, "ward code")!;

    public override WardRow Map(ImportFeature feature, string key, Geometry geometry, DateTimeOffset now) => new()
    {
        Code = key,
        Name = FeatureAttributes.Text(feature, Options.NameField, NameFields) ?? "",
        Boundary = (MultiPolygon)geometry,
        Population = Population(feature),
    };

    private static long? Population(ImportFeature feature)
    {
        var people = FeatureAttributes.Number(feature, null, PopulationFields);
        TwinValidationException.Require(people is null or >= 0 and <= 100_000_000, $"population {people} is outside 0..100,000,000");
        return people is { } value ? (long)Math.Round(value) : null;
    }

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
            .ToDictionaryAsync(w => w.Code, w => new { w.Boundary, w.Population }, StringComparer.Ordinal, cancellationToken);
        var updated = 0;
        foreach (var row in rows)
        {
            var known = current.GetValueOrDefault(row.Code);
            if (known is not null && SameGeometry(known.Boundary, row.Boundary) && known.Population == (row.Population ?? known.Population)) continue;
            // Only the boundary and population columns, not through the version check: the ward grain owns every other column
            // and never writes those two, so neither side can lose the other's write. An active ward grain keeps
            // its cached HasBoundary until it reactivates.
            var boundary = row.Boundary;
            var population = row.Population ?? known?.Population;
            await db.Set<WardRow>().Where(w => w.Code == row.Code)
                .ExecuteUpdateAsync(set => set.SetProperty(w => w.Boundary, boundary).SetProperty(w => w.Population, population), cancellationToken);
            updated++;
        }
        return new WriteCounts(0, updated, rows.Count - updated);
    }
}
