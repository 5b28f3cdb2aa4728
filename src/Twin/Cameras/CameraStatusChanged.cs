using CityTwin.Twin.Events;

namespace CityTwin.Twin.Cameras;

/// <summary>A camera went online or offline.</summary>
[GenerateSerializer, Alias("CityTwin.CameraStatusChanged")]
public sealed record CameraStatusChanged : TwinEvent
{
    [Id(0)] public required bool Online { get; init; }
    [Id(1)] public required string WardCode { get; init; }
}
