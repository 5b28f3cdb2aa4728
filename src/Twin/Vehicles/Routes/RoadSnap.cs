using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Vehicles.Routes;

/// <summary>
/// A point placed on the road graph: the nearest point of the nearest edge (<see cref="From"/> → <see cref="To"/>), in
/// UTM metres, with its distance along the edge from each end.
/// </summary>
public sealed record RoadSnap(int From, int To, Coordinate Point, double FromEnd, double ToEnd, double Offset);
