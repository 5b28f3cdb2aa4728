using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Live;

/// <summary>
/// What a live subscription wants: events of some stream namespaces (<see cref="Twin.Events.TwinStreams"/>), optionally
/// only inside a map area (SRID 4326 polygon; a bbox is a rectangle polygon) and only of some kinds.
/// </summary>
public sealed record LiveFilter(IReadOnlySet<string> Namespaces, Geometry? Area = null, IReadOnlySet<string>? Kinds = null);
