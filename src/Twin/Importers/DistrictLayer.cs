using CityTwin.Twin.Layers;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Importers;

/// <summary>City and district outlines into <c>admin_areas</c>, keyed by their GSO code.</summary>
internal sealed class DistrictLayer(ImportOptions options) : LayerHandler<AdminAreaRow>(options)
{
    private static readonly string[] CodeFields = ["level2_id", "code", "id"];
    private static readonly string[] NameFields = ["name", "localname"];

    /// <summary>"Thành phố Thủ Đức" is a city inside the province; "Tp" is how some files abbreviate it.</summary>
    private static readonly string[] CityPrefixes = ["Thành phố ", "Tp ", "Tp. ", "TP."];

    public override string KeyOf(ImportFeature feature) =>
        FeatureAttributes.Limit(FeatureAttributes.RequiredText(feature, Options.CodeField, CodeFields), 32, "district code")!;

    public override AdminAreaRow Map(ImportFeature feature, string key, Geometry geometry, DateTimeOffset now)
    {
        var name = FeatureAttributes.Limit(FeatureAttributes.Text(feature, Options.NameField, NameFields), 200, "name") ?? "";
        return new AdminAreaRow
        {
            Code = key,
            Name = name,
            Level = CityPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) ? "city" : "district",
            Geometry = (MultiPolygon)geometry,
            ImportedAt = now,
        };
    }

    public override async Task<WriteCounts> WriteAsync(TwinDbContext db, IReadOnlyList<AdminAreaRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.Code).ToList();
        var existing = await db.Set<AdminAreaRow>().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken);
        int inserted = 0, updated = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Code, out var current))
            {
                db.Add(row);
                inserted++;
            }
            else if (current.Name != row.Name || current.Level != row.Level || !SameGeometry(current.Geometry, row.Geometry))
            {
                current.Name = row.Name;
                current.Level = row.Level;
                current.Geometry = row.Geometry;
                current.ImportedAt = now;
                updated++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new WriteCounts(inserted, updated, rows.Count - inserted - updated);
    }
}
