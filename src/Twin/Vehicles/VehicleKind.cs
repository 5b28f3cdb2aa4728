namespace CityTwin.Twin.Vehicles;

/// <summary>The kind of vehicle; Vietnamese plates tell it by their layout (one line: car, two lines: motorbike).</summary>
public enum VehicleKind
{
    Unknown = 0,
    Car = 1,
    Motorbike = 2,
}
