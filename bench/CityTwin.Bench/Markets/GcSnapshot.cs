using System.Globalization;
using System.Runtime;

namespace CityTwin.Bench.Markets;

/// <summary>
/// Garbage collections and their pause time in this process (the host runs in it), to tell GC pauses apart from other
/// causes of a latency tail. <see cref="Since"/> gives the difference over a run.
/// </summary>
public readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused, bool Server, GCLatencyMode Mode)
{
    public static GcSnapshot Take() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GCSettings.IsServerGC, GCSettings.LatencyMode);

    public GcSnapshot Since(GcSnapshot start) =>
        this with { Gen0 = Gen0 - start.Gen0, Gen1 = Gen1 - start.Gen1, Gen2 = Gen2 - start.Gen2, Paused = Paused - start.Paused };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GC ({(Server ? "server" : "workstation")}, {Mode}): {Gen0} gen0 / {Gen1} gen1 / {Gen2} gen2 collections, {Paused.TotalMilliseconds:0} ms paused in all");
}
