using CityTwin.Twin.Common;
using CityTwin.Twin.Layers;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Importers;

/// <summary>Road segments into <c>roads</c>, keyed by <c>dataset:id</c> (the id is OBJECTID, id, or the feature's position).</summary>
internal sealed class RoadLayer(ImportOptions options) : LayerHandler<RoadRow>(options)
{
    private static readonly string[] IdFields = ["OBJECTID", "id"];

    public override string KeyOf(ImportFeature feature) =>
        DatasetKey(Options.IdField is not null
            ? FeatureAttributes.RequiredText(feature, Options.IdField)
            : FeatureAttributes.Text(feature, null, IdFields) ?? feature.Id ?? feature.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override RoadRow Map(ImportFeature feature, string key, Geometry geometry, DateTimeOffset now)
    {
        var width = FeatureAttributes.Number(feature, null, "RoadWidth", "width_m", "width");
        TwinValidationException.Require(width is null or >= 0 and <= 1_000, $"road width {width} m is outside 0..1000");
        return new RoadRow
        {
            SourceId = key,
            Name = FeatureAttributes.Limit(FeatureAttributes.Text(feature, Options.NameField, "Name", "ten"), 200, "name"),
            Kind = FeatureAttributes.Limit(FeatureAttributes.Text(feature, null, "Type", "kind"), 64, "type"),
            District = FeatureAttributes.Limit(FeatureAttributes.Text(feature, null, "District"), 100, "district"),
            WidthM = width,
            Geometry = (MultiLineString)geometry,
            ImportedAt = now,
        };
    }

    public override async Task<WriteCounts> WriteAsync(TwinDbContext db, IReadOnlyList<RoadRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => r.SourceId!).ToList();
        var existing = await db.Set<RoadRow>().Where(r => r.SourceId != null && keys.Contains(r.SourceId))
            .ToDictionaryAsync(r => r.SourceId!, StringComparer.Ordinal, cancellationToken);
        int inserted = 0, updated = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.SourceId!, out var current))
            {
                db.Add(row);
                inserted++;
            }
            else if (current.Name != row.Name || current.Kind != row.Kind || current.District != row.District
                     || current.WidthM != row.WidthM || !SameGeometry(current.Geometry, row.Geometry))
            {
                (current.Name, current.Kind, current.District, current.WidthM) = (row.Name, row.Kind, row.District, row.WidthM);
                current.Geometry = row.Geometry;
                current.ImportedAt = now;
                updated++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new WriteCounts(inserted, updated, rows.Count - inserted - updated);
    }
}
