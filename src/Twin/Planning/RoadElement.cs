namespace CityTwin.Twin.Planning;

/// <summary>A short uncovered piece of road; a camera covers it when its midpoint lies in the camera's view.</summary>
/// <param name="LengthM">Length in metres.</param>
/// <param name="Weight">Length × class weight (<see cref="Coverage.RoadClassRules.Weight"/>).</param>
public sealed record RoadElement(double LengthM, double Weight);
