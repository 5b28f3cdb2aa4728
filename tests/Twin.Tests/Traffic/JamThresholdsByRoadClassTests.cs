using CityTwin.Twin.Coverage;
using CityTwin.Twin.Traffic;

namespace CityTwin.Twin.Tests.Traffic;

/// <summary>The same traffic judged by the thresholds of each road class (<see cref="JamOptions.ThresholdFor"/>).</summary>
public sealed class JamThresholdsByRoadClassTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Twenty minutes of one vehicle every 20 s, 30 km/h for the first five minutes and 10 km/h after.</summary>
    private static List<JamDecision> Run(RoadClass roadClass, JamOptions options)
    {
        var detector = new JamDetector(options);
        var decisions = new List<JamDecision>();
        for (var second = 0; second < 20 * 60; second += 20)
        {
            var speed = second < 300 ? 30.0 : 10.0;
            if (detector.Observe(new SegmentLeg("cam-a", "cam-b", Start.AddSeconds(second), speed), roadClass) is { } decision)
                decisions.Add(decision);
        }
        return decisions;
    }

    [Fact]
    public void Observe_TenKmhOnAnArterial_JamBelowItsFifteen()
    {
        var jam = Assert.Single(Run(RoadClass.Arterial, new JamOptions()));
        Assert.True(jam.Jammed);
        Assert.Equal((RoadClass.Arterial, 15.0), (jam.RoadClass, jam.ThresholdKmh));
    }

    [Fact]
    public void Observe_SameTenKmhInAnAlley_NoJamAboveItsEight()
    {
        Assert.Empty(Run(RoadClass.Alley, new JamOptions()));
    }

    [Fact]
    public void Observe_SameTenKmhOnALocalStreet_JamBelowItsTwelve()
    {
        Assert.Equal(12.0, Assert.Single(Run(RoadClass.Local, new JamOptions())).ThresholdKmh);
    }

    [Fact]
    public void Observe_AlleyThresholdConfiguredAboveTheSpeed_AlleyJamsToo()
    {
        var jam = Assert.Single(Run(RoadClass.Alley, new JamOptions { AlleyThresholdKmh = 11 }));
        Assert.Equal(11.0, jam.ThresholdKmh);
    }

    [Theory]
    [InlineData(0, 12, 8, 1.5)]
    [InlineData(15, double.NaN, 8, 1.5)]
    [InlineData(15, 12, -1, 1.5)]
    [InlineData(15, 12, 8, 0.5)]
    public void Problem_ThresholdNotAPositiveSpeedOrRecoverBelowOne_Named(double arterial, double local, double alley, double recover)
    {
        var options = new JamOptions { ArterialThresholdKmh = arterial, LocalThresholdKmh = local, AlleyThresholdKmh = alley, RecoverFactor = recover };
        Assert.NotNull(options.Problem());
        Assert.Null(new JamOptions().Problem());
    }
}
