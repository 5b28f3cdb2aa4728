using CityTwin.Twin.Plates;

namespace CityTwin.Vision.Traffic;

/// <summary>Ground truth of one vehicle passing one camera: which plate, when its frames start and end, how it looked.</summary>
public sealed record SyntheticPass(PlateNumber Plate, VehicleKind Kind, string CameraId, DateTimeOffset Start, DateTimeOffset End, SceneConditions Conditions);
