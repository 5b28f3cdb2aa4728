using CityTwin.Twin.Persistence;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Places;

/// <summary>Columns every place table has (stores, schools, clinics): identity, ward and a point.</summary>
public abstract class PlaceRow : IVersionedRow
{
    public required string Id { get; set; }
    public string Name { get; set; } = "";
    public string WardCode { get; set; } = "";
    public required Point Location { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
