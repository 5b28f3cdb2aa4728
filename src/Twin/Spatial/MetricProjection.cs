using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace CityTwin.Twin.Spatial;

/// <summary>
/// Projects WGS84 geometries to UTM zone 48N (EPSG:32648) and back, so lengths, areas and buffers are in metres.
/// Thu Duc City lies wholly inside zone 48N (102°E–108°E).
/// </summary>
public static class MetricProjection
{
    /// <summary>EPSG code of UTM zone 48N.</summary>
    public const int Utm48NSrid = 32648;

    private static readonly MathTransform ToUtm;
    private static readonly MathTransform FromUtm;
    private static readonly GeometryFactory UtmFactory = new(new PrecisionModel(), Utm48NSrid);

    static MetricProjection()
    {
        var wgs84 = GeographicCoordinateSystem.WGS84;
        var utm48N = ProjectedCoordinateSystem.WGS84_UTM(48, zoneIsNorth: true);
        var factory = new CoordinateTransformationFactory();
        ToUtm = factory.CreateFromCoordinateSystems(wgs84, utm48N).MathTransform;
        FromUtm = factory.CreateFromCoordinateSystems(utm48N, wgs84).MathTransform;
    }

    /// <summary>A copy of an SRID-4326 geometry in UTM 48N metres.</summary>
    public static Geometry ToMetric(Geometry wgs84Geometry)
    {
        GeoFactory.EnsureWgs84(wgs84Geometry);
        return Transform(wgs84Geometry, ToUtm, UtmFactory);
    }

    /// <summary>A copy of a UTM 48N geometry back in WGS84 (SRID 4326).</summary>
    public static Geometry ToWgs84(Geometry metricGeometry)
    {
        if (metricGeometry.SRID != Utm48NSrid)
            throw new ArgumentException($"geometry SRID {metricGeometry.SRID} is not {Utm48NSrid} (UTM 48N)");
        return Transform(metricGeometry, FromUtm, GeoFactory.Wgs84);
    }

    /// <summary>Area in square kilometres of an SRID-4326 polygonal geometry.</summary>
    public static double AreaSquareKilometres(Geometry wgs84Geometry) => ToMetric(wgs84Geometry).Area / 1_000_000d;

    /// <summary>Length in metres of an SRID-4326 linear geometry.</summary>
    public static double LengthMetres(Geometry wgs84Geometry) => ToMetric(wgs84Geometry).Length;

    /// <summary>Distance in metres between two WGS84 points.</summary>
    public static double DistanceMetres(GeoPoint a, GeoPoint b) =>
        ToMetric(a.ToPoint()).Distance(ToMetric(b.ToPoint()));

    /// <summary>The factory of UTM 48N geometries (SRID 32648), for shapes built in metres.</summary>
    public static GeometryFactory Metric => UtmFactory;

    /// <summary>A WGS84 position as UTM 48N easting and northing (metres).</summary>
    public static Coordinate ToMetric(GeoPoint point)
    {
        point.EnsureValid();
        var (x, y) = ToUtm.Transform(point.Longitude, point.Latitude);
        return new Coordinate(x, y);
    }

    /// <summary>A UTM 48N easting and northing back as a WGS84 position.</summary>
    public static GeoPoint FromMetric(Coordinate metric)
    {
        var (lon, lat) = FromUtm.Transform(metric.X, metric.Y);
        return new GeoPoint(lon, lat);
    }

    private static Geometry Transform(Geometry source, MathTransform transform, GeometryFactory target)
    {
        var copy = target.CreateGeometry(source);
        copy.Apply(new TransformFilter(transform));
        copy.SRID = target.SRID;
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>Applies a ProjNET transform to every coordinate in place.</summary>
    private sealed class TransformFilter(MathTransform transform) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
