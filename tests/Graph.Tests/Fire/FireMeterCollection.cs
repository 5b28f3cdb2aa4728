namespace CityTwin.Graph.Tests.Fire;

/// <summary>
/// Tests whose fire watches publish on the process-wide CityTwin.Vision meter: one at a time, so a test that counts
/// the meter's measurements sees only its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FireMeterCollection
{
    public const string Name = "fire watch meter";
}
