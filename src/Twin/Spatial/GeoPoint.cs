using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Spatial;

/// <summary>
/// A WGS84 position (longitude, latitude) in the form grains store and send.
/// NTS geometries are not Orleans-serializable, so grain state keeps this and converts at the edges.
/// </summary>
[GenerateSerializer, Immutable, Alias("CityTwin.GeoPoint")]
public readonly record struct GeoPoint([property: Id(0)] double Longitude, [property: Id(1)] double Latitude)
{
    /// <summary>True when both coordinates are finite and inside the WGS84 ranges.</summary>
    public bool IsValid =>
        double.IsFinite(Longitude) && double.IsFinite(Latitude)
        && Longitude is >= -180 and <= 180 && Latitude is >= -90 and <= 90;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the bad coordinate.</summary>
    public GeoPoint EnsureValid(string what = "location")
    {
        if (!double.IsFinite(Longitude) || Longitude is < -180 or > 180)
            throw new ArgumentOutOfRangeException(what, Longitude, $"{what}: longitude {Longitude} is outside -180..180");
        if (!double.IsFinite(Latitude) || Latitude is < -90 or > 90)
            throw new ArgumentOutOfRangeException(what, Latitude, $"{what}: latitude {Latitude} is outside -90..90");
        return this;
    }

    /// <summary>The point as an SRID-4326 NTS geometry.</summary>
    public Point ToPoint() => GeoFactory.Point(Longitude, Latitude);

    /// <summary>Reads an NTS point that must carry SRID 4326.</summary>
    public static GeoPoint From(Point point)
    {
        GeoFactory.EnsureWgs84(point);
        return new GeoPoint(point.X, point.Y);
    }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"({Longitude:F6}, {Latitude:F6})");
}
