namespace CityTwin.Graph.Tests.Incidents;

/// <summary>The twin's clock (<see cref="TimeProvider"/>) moved forward on demand: a team's seven minutes pass at once.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
