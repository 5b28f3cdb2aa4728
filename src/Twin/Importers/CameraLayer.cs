using CityTwin.Twin.Cameras;
using CityTwin.Twin.Common;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Importers;

/// <summary>
/// Cameras into <c>cameras</c>, checked as <see cref="CameraDefinition"/> checks them, with the view area computed
/// by <see cref="ViewArea"/>. Field names follow the table (<c>ward_code</c>, <c>mount_height_m</c>...), and the
/// demo city's camelCase spellings are accepted too.
/// </summary>
internal sealed class CameraLayer(ImportOptions options) : LayerHandler<CameraRow>(options)
{
    public override string KeyOf(ImportFeature feature) =>
        FeatureAttributes.Limit(FeatureAttributes.Text(feature, Options.IdField, "id", "camera_id") ?? feature.Id
            ?? throw new TwinValidationException("required attribute missing: id"), 64, "camera id")!;

    public override CameraRow Map(ImportFeature feature, string key, Geometry geometry, DateTimeOffset now)
    {
        var kindText = FeatureAttributes.RequiredText(feature, null, "kind");
        TwinValidationException.Require(
            Enum.TryParse<CameraKind>(kindText.Replace("_", "").Replace("-", ""), ignoreCase: true, out var kind) && Enum.IsDefined(kind),
            $"camera {key}: unknown kind '{kindText}' (AnprFixed, Ptz360 or Overview)");
        // A 360° tower has no heading and always sees all around, so files may leave both out.
        var heading = FeatureAttributes.Number(feature, null, "heading_deg", "headingDeg") ?? (kind == CameraKind.Ptz360 ? 0 : Missing("heading_deg"));
        var fov = FeatureAttributes.Number(feature, null, "fov_deg", "fieldOfViewDeg", "field_of_view_deg") ?? (kind == CameraKind.Ptz360 ? 360 : Missing("fov_deg"));
        var definition = new CameraDefinition(
            FeatureAttributes.Text(feature, Options.NameField, "name") ?? "",
            FeatureAttributes.Text(feature, Options.CodeField, "ward_code", "wardCode", "ward") ?? "",
            GeoPoint.From((Point)geometry),
            kind,
            FeatureAttributes.Number(feature, null, "mount_height_m", "mountHeightM") ?? Missing("mount_height_m"),
            heading,
            fov,
            FeatureAttributes.Number(feature, null, "range_m", "rangeM") ?? Missing("range_m"),
            FeatureAttributes.Text(feature, null, "road"));
        definition.Validate(key);
        return new CameraRow
        {
            Id = key,
            Name = FeatureAttributes.Limit(definition.Name.Trim(), 200, "name")!,
            WardCode = FeatureAttributes.Limit(definition.WardCode, 16, "ward code")!,
            Location = definition.Location.ToPoint(),
            Kind = definition.Kind,
            MountHeightM = definition.MountHeightM,
            HeadingDeg = definition.HeadingDeg,
            FieldOfViewDeg = definition.FieldOfViewDeg,
            RangeM = definition.RangeM,
            Road = FeatureAttributes.Limit(definition.Road, 200, "road"),
            ViewArea = ViewArea.Compute(definition.Location, definition.HeadingDeg, definition.FieldOfViewDeg, definition.RangeM),
            Version = 1,
            UpdatedAt = now,
        };
    }

    public override async Task<string?[]> CheckAsync(TwinDbContext db, IReadOnlyList<CameraRow> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.WardCode).Distinct().ToList();
        var known = (await db.Set<WardRow>().Where(w => codes.Contains(w.Code)).Select(w => w.Code).ToListAsync(cancellationToken)).ToHashSet();
        return rows.Select(r => known.Contains(r.WardCode) ? null : $"camera {r.Id}: unknown ward code '{r.WardCode}'").ToArray();
    }

    public override async Task<WriteCounts> WriteAsync(TwinDbContext db, IReadOnlyList<CameraRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var existing = await db.Set<CameraRow>().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        var moves = new List<(string Camera, string? From, string To)>();
        int inserted = 0, updated = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Id, out var current))
            {
                db.Add(row);
                inserted++;
            }
            else if (!SamePlacement(current, row))
            {
                moves.Add((row.Id, current.WardCode, row.WardCode));
                CopyPlacement(row, current);
                // The version is the grain's ETag: an active camera grain still holds the old one, so its next write
                // is refused as stale (InconsistentStateException), the grain deactivates and reads this row afresh.
                current.Version++;
                current.UpdatedAt = now;
                updated++;
                continue;
            }
            moves.Add((row.Id, null, row.WardCode));
        }
        await AttachToWardsAsync(db, moves, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new WriteCounts(inserted, updated, rows.Count - inserted - updated);
    }

    /// <summary>
    /// Wards count their cameras (the camera grain attaches itself on registration); an imported camera must be
    /// counted too. A ward whose list changes gets a new version, for the same stale-write reason as the camera.
    /// </summary>
    private static async Task AttachToWardsAsync(TwinDbContext db, List<(string Camera, string? From, string To)> moves, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var codes = moves.SelectMany(m => new[] { m.From, m.To }).OfType<string>().Distinct().ToList();
        var wards = await db.Set<WardRow>().Where(w => codes.Contains(w.Code)).ToDictionaryAsync(w => w.Code, StringComparer.Ordinal, cancellationToken);
        var lists = wards.ToDictionary(w => w.Key, w => new SortedSet<string>(w.Value.CameraIds, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (camera, from, to) in moves)
        {
            if (from is not null && from != to && lists.TryGetValue(from, out var old)) old.Remove(camera);
            if (lists.TryGetValue(to, out var target)) target.Add(camera);
        }
        foreach (var (code, ward) in wards)
        {
            if (ward.CameraIds.SequenceEqual(lists[code], StringComparer.Ordinal)) continue;
            ward.CameraIds = lists[code].ToList();
            ward.Version++;
            ward.UpdatedAt = now;
        }
    }

    private static bool SamePlacement(CameraRow a, CameraRow b) =>
        a.Name == b.Name && a.WardCode == b.WardCode && SameGeometry(a.Location, b.Location) && a.Kind == b.Kind
        && a.MountHeightM.Equals(b.MountHeightM) && a.HeadingDeg.Equals(b.HeadingDeg) && a.FieldOfViewDeg.Equals(b.FieldOfViewDeg)
        && a.RangeM.Equals(b.RangeM) && a.Road == b.Road;

    private static void CopyPlacement(CameraRow from, CameraRow to)
    {
        (to.Name, to.WardCode, to.Kind, to.Road) = (from.Name, from.WardCode, from.Kind, from.Road);
        (to.MountHeightM, to.HeadingDeg, to.FieldOfViewDeg, to.RangeM) = (from.MountHeightM, from.HeadingDeg, from.FieldOfViewDeg, from.RangeM);
        to.Location = from.Location;
        to.ViewArea = from.ViewArea;
    }

    private static double Missing(string field) => throw new TwinValidationException($"required attribute missing: {field}");
}
