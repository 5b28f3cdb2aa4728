using CityTwin.Twin.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CityTwin.Graph.Live;

/// <summary>
/// A subscription's map area, ready for matching thousands of events a second: the envelope rejects most events
/// with four comparisons; only those inside it pay for the exact test on the prepared geometry. Points on the
/// boundary count as inside (covers), so a sighting on the edge of a drawn area is never lost.
/// </summary>
internal sealed class LiveArea
{
    private readonly IPreparedGeometry? prepared;

    public LiveArea(Geometry area)
    {
        GeoFactory.EnsureWgs84(area, "live area");
        if (area.IsEmpty) throw new ArgumentException("live area: the geometry is empty");
        Envelope = area.EnvelopeInternal;
        // A rectangle (every bbox) is exactly its envelope: no second test is needed.
        prepared = area.IsRectangle ? null : PreparedGeometryFactory.Prepare(area);
    }

    /// <summary>The area's bounding box, for the pre-check and for the grid index.</summary>
    public Envelope Envelope { get; }

    /// <summary>Whether the point is inside the area or on its boundary. <paramref name="geometry"/> is the point as a geometry, built at most once per event.</summary>
    public bool Covers(GeoPoint point, ref Point? geometry)
    {
        if (!Envelope.Covers(point.Longitude, point.Latitude)) return false;
        if (prepared is null) return true;
        geometry ??= point.ToPoint();
        return prepared.Covers(geometry);
    }
}
