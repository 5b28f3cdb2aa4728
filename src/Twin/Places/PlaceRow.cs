using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
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

    /// <summary>The place this row describes.</summary>
    public Place ToPlace() => new(Name, WardCode, GeoPoint.From(Location));

    /// <summary>Copies a place onto the row's shared columns.</summary>
    public void SetPlace(Place place)
    {
        Name = place.Name;
        WardCode = place.WardCode;
        Location = place.Location.ToPoint();
    }
}
