using CityTwin.Twin.Persistence;

namespace CityTwin.Twin.Vehicles;

/// <summary>The <c>vehicles</c> table: one row per plate ever seen. Sightings live in their own table.</summary>
public sealed class VehicleRow : IVersionedRow
{
    public required string PlateKey { get; set; }
    public string DisplayPlate { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public VehicleKind Kind { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
