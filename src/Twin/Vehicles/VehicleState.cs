namespace CityTwin.Twin.Vehicles;

/// <summary>The stored identity of a vehicle; its sightings are kept in the sighting log.</summary>
[GenerateSerializer, Alias("CityTwin.VehicleState")]
public sealed class VehicleState
{
    [Id(0)] public string DisplayPlate { get; set; } = "";
    [Id(1)] public string ProvinceCode { get; set; } = "";
    [Id(2)] public VehicleKind Kind { get; set; }
    [Id(3)] public DateTimeOffset FirstSeenAt { get; set; }
}
