using System.Globalization;
using CityTwin.Testing;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Tests.Coverage;

/// <summary>
/// A small city laid out in metres (UTM 48N, near Thu Duc) whose coverage can be worked out by hand: one 1 km square
/// ward of Thu Duc City (so its edge is the city's outline) with an arterial, two locals (one a gateway) and an alley.
/// </summary>
public static class SquareCity
{
    /// <summary>The ward's code.</summary>
    public const string Ward = "90001";

    private const double OriginX = 700_000, OriginY = 1_190_000;

    /// <summary>The 2,000 m of road inside the ward: arterial 1,000, local 800 (400 of it a gateway), alley 200.</summary>
    public const double RoadLengthM = 2_000;

    /// <summary>Registers the ward with its boundary and imports the four roads.</summary>
    public static async Task BuildAsync(TestDatabase database, bool withRoads = true)
    {
        await using (var db = database.CreateContext())
        {
            db.Add(new WardRow
            {
                Code = Ward, Name = "Square ward", DistrictName = "Thành phố Thủ Đức", DistrictCode = "769",
                Boundary = new MultiPolygon([(Polygon)Wgs84($"POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))")]) { SRID = 4326 },
                Population = 10_000, Version = 1, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        if (!withRoads) return;
        await AddRoadAsync(database, "Test Boulevard", "Road", 40, "LINESTRING(0 500, 1000 500)");
        await AddRoadAsync(database, "Local street", "Road", 12, "LINESTRING(250 600, 250 1000)");
        await AddRoadAsync(database, "Small alley", "Alley", 4, "LINESTRING(750 600, 750 800)");
        // 200 m of it lie outside the ward, so only 400 m count, and it crosses the outline: a gateway.
        await AddRoadAsync(database, "Gateway street", "Road", 12, "LINESTRING(-200 200, 400 200)");
    }

    /// <summary>A camera at (x, y) metres; a disc when <paramref name="fieldOfViewDeg"/> is 360.</summary>
    public static async Task AddCameraAsync(TestDatabase database, string id, double x, double y, double rangeM, double headingDeg = 0, double fieldOfViewDeg = 360)
    {
        var location = GeoPoint.From((Point)At(x, y));
        await using var db = database.CreateContext();
        db.Add(new CameraRow
        {
            Id = id, Name = id, WardCode = Ward, Location = location.ToPoint(), Kind = fieldOfViewDeg >= 360 ? CameraKind.Ptz360 : CameraKind.AnprFixed,
            MountHeightM = 8, HeadingDeg = headingDeg, FieldOfViewDeg = fieldOfViewDeg, RangeM = rangeM,
            ViewArea = ViewArea.Compute(location, headingDeg, fieldOfViewDeg, rangeM), Version = 1, UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>An adopted planned 360° camera at (x, y) metres.</summary>
    public static async Task AddPlannedCameraAsync(TestDatabase database, double x, double y, double rangeM)
    {
        var location = GeoPoint.From((Point)At(x, y));
        await using var db = database.CreateContext();
        db.Add(new CityTwin.Twin.Planning.PlannedCameraRow
        {
            Id = $"plan-test-{x}-{y}", PlanId = "plan-test", WardCode = Ward, Kind = nameof(CameraKind.Ptz360), Location = location.ToPoint(),
            FieldOfViewDeg = 360, RangeM = rangeM, ViewArea = ViewArea.Compute(location, 0, 360, rangeM), AdoptedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary><paramref name="count"/> plate sightings at (x, y) metres: observed traffic.</summary>
    public static async Task AddSightingsAsync(TestDatabase database, double x, double y, int count)
    {
        var point = GeoPoint.From((Point)At(x, y)).ToPoint();
        await using var db = database.CreateContext();
        for (var i = 0; i < count; i++)
            db.Add(new CityTwin.Twin.Vehicles.Sightings.SightingRow
            {
                DetectionId = $"square-{x}-{y}-{i}", PlateKey = "59X112345", CameraId = "square-camera", Location = point,
                SeenAt = DateTimeOffset.UtcNow, RecordedAt = DateTimeOffset.UtcNow, Confidence = 0.9f,
            });
        await db.SaveChangesAsync();
    }

    /// <summary>A WGS84 point at (x, y) metres from the ward's south-west corner.</summary>
    public static Geometry At(double x, double y) => Wgs84(string.Create(CultureInfo.InvariantCulture, $"POINT({x} {y})"));

    /// <summary>A WGS84 geometry from WKT in metres from the ward's south-west corner.</summary>
    public static Geometry Wgs84(string localWkt)
    {
        var geometry = new NetTopologySuite.IO.WKTReader().Read(localWkt);
        foreach (var c in geometry.Coordinates) { c.X += OriginX; c.Y += OriginY; }
        geometry.GeometryChanged();
        geometry.SRID = MetricProjection.Utm48NSrid;
        return MetricProjection.ToWgs84(geometry);
    }

    private static async Task AddRoadAsync(TestDatabase database, string name, string kind, double width, string localWkt)
    {
        var line = (LineString)Wgs84(localWkt);
        await using var db = database.CreateContext();
        db.Add(new Layers.RoadRow
        {
            SourceId = $"square:{name}", Name = name, Kind = kind, WidthM = width,
            Geometry = new MultiLineString([line]) { SRID = 4326 }, ImportedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
