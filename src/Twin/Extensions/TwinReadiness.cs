using CityTwin.Twin.Demo;

namespace CityTwin.Twin.Extensions;

/// <summary>What the host has finished starting; the health endpoint reports it.</summary>
public sealed class TwinReadiness
{
    private volatile bool databaseReady;
    private volatile bool siloReady;
    private volatile DemoCityCounts? demoCity;
    private volatile string? failure;

    public bool DatabaseReady => databaseReady;
    public bool SiloReady => siloReady;
    public DemoCityCounts? DemoCity => demoCity;

    /// <summary>Why start-up failed, if it did.</summary>
    public string? Failure => failure;

    public bool IsReady => databaseReady && siloReady && demoCity is not null && failure is null;

    public void MarkDatabaseReady() => databaseReady = true;
    public void MarkSiloReady() => siloReady = true;
    public void MarkDemoCityLoaded(DemoCityCounts counts) => demoCity = counts;
    public void MarkFailed(string reason) => failure = reason;
}
