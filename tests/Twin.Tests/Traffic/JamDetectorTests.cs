using CityTwin.Twin.Traffic;

namespace CityTwin.Twin.Tests.Traffic;

/// <summary>Simulated traffic on one segment: free flow, a slowdown, then recovery.</summary>
public sealed class JamDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Observe_TrafficSlowsThenRecovers_JamOpensAfterTheHoldAndClearsOnRecovery()
    {
        var detector = new JamDetector(new JamOptions());
        var decisions = new List<JamDecision>();
        // One vehicle every 20 s: 30 km/h for 10 min, 6 km/h for 10 min, 30 km/h for 10 min (seeded jitter ±2 km/h).
        var random = new Random(18);
        for (var second = 0; second < 30 * 60; second += 20)
        {
            var speed = (second is >= 600 and < 1200 ? 6 : 30) + random.NextDouble() * 4 - 2;
            if (detector.Observe(new SegmentLeg("cam-a", "cam-b", Start.AddSeconds(second), speed)) is { } decision)
                decisions.Add(decision);
        }

        Assert.Equal(2, decisions.Count);
        var (opened, cleared) = (decisions[0], decisions[1]);
        Assert.True(opened.Jammed);
        Assert.Equal("cam-a→cam-b", opened.SegmentId);
        // The 5-minute median falls below 12 km/h once half its legs are slow (~2.5 min after 08:10), and must stay
        // there 3 minutes more.
        Assert.InRange(opened.At, Start.AddMinutes(13), Start.AddMinutes(17));
        Assert.InRange(opened.SlowSince, Start.AddMinutes(10), Start.AddMinutes(13.5));
        Assert.False(cleared.Jammed);
        Assert.InRange(cleared.At, Start.AddMinutes(20), Start.AddMinutes(24));
    }

    [Fact]
    public void Observe_ShortSlowdownUnderTheHold_NoJam()
    {
        var detector = new JamDetector(new JamOptions());
        var decisions = new List<JamDecision>();
        for (var second = 0; second < 20 * 60; second += 20)
        {
            // Two slow minutes: a red light queue, not a jam.
            var speed = second is >= 600 and < 720 ? 5 : 30;
            if (detector.Observe(new SegmentLeg("cam-a", "cam-b", Start.AddSeconds(second), speed)) is { } decision)
                decisions.Add(decision);
        }
        Assert.Empty(decisions);
    }

    [Fact]
    public void Observe_FewerVehiclesThanTheMinimum_NoDecision()
    {
        var detector = new JamDetector(new JamOptions { MinVehicles = 3 });
        Assert.Null(detector.Observe(new SegmentLeg("a", "b", Start, 1)));
        Assert.Null(detector.Observe(new SegmentLeg("a", "b", Start.AddMinutes(4), 1)));
    }
}
