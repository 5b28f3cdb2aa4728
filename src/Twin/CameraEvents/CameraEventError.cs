namespace CityTwin.Twin.CameraEvents;

/// <summary>Why one event of a batch was refused; <see cref="Index"/> is its position (-1: the whole request).</summary>
public sealed record CameraEventError(int Index, string Code, string Message);
