using CityTwin.Twin.Common;
using CityTwin.Twin.Layers;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Importers;

/// <summary>Points of interest into <c>pois</c>, keyed by <c>dataset:id</c>; the category is the option or each feature's <c>Type</c>.</summary>
internal sealed class PoiLayer(ImportOptions options) : LayerHandler<PoiRow>(options)
{
    private static readonly string[] IdFields = ["OBJECTID", "id"];

    public override string KeyOf(ImportFeature feature) =>
        DatasetKey(Options.IdField is not null
            ? FeatureAttributes.RequiredText(feature, Options.IdField)
            : FeatureAttributes.Text(feature, null, IdFields) ?? feature.Id ?? feature.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override PoiRow Map(ImportFeature feature, string key, Geometry geometry, DateTimeOffset now)
    {
        var category = string.IsNullOrWhiteSpace(Options.Category)
            ? FeatureAttributes.Text(feature, null, "Type", "category")
            : Options.Category.Trim();
        TwinValidationException.Require(category is not null, "no category: the feature has no Type and no --category was given");
        return new PoiRow
        {
            SourceId = key,
            Category = FeatureAttributes.Limit(category, 64, "category")!,
            Name = FeatureAttributes.Limit(FeatureAttributes.Text(feature, Options.NameField, "Name", "ten"), 300, "name"),
            Address = FeatureAttributes.Limit(FeatureAttributes.Text(feature, null, "Address", "dia_chi"), 300, "address"),
            District = FeatureAttributes.Limit(FeatureAttributes.Text(feature, null, "District"), 100, "district"),
            Location = (Point)geometry,
            ImportedAt = now,
        };
    }

    public override async Task<WriteCounts> WriteAsync(TwinDbContext db, IReadOnlyList<PoiRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => r.SourceId!).ToList();
        // The source id alone identifies a POI of the dataset, so a feature whose Type changed is updated, not duplicated.
        var existing = (await db.Set<PoiRow>().Where(p => p.SourceId != null && keys.Contains(p.SourceId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.SourceId!, StringComparer.Ordinal);
        int inserted = 0, updated = 0;
        foreach (var row in rows)
        {
            var matches = existing[row.SourceId!].ToList();
            var current = matches.FirstOrDefault(p => p.Category == row.Category) ?? matches.FirstOrDefault();
            if (current is null)
            {
                db.Add(row);
                inserted++;
            }
            else if (current.Category != row.Category || current.Name != row.Name || current.Address != row.Address
                     || current.District != row.District || !SameGeometry(current.Location, row.Location))
            {
                (current.Category, current.Name, current.Address, current.District) = (row.Category, row.Name, row.Address, row.District);
                current.Location = row.Location;
                current.ImportedAt = now;
                updated++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new WriteCounts(inserted, updated, rows.Count - inserted - updated);
    }
}
