namespace CityTwin.Twin.Events;

/// <summary>An entity was created or its state changed; <see cref="Change"/> names what changed.</summary>
[GenerateSerializer, Alias("CityTwin.EntityChanged")]
public sealed record EntityChanged : TwinEvent
{
    /// <summary>A short verb for the change, e.g. "registered", "counters", "camera-attached".</summary>
    [Id(0)] public required string Change { get; init; }
}
