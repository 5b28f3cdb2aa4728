using CityTwin.Testing;
using CityTwin.Twin.Common;
using CityTwin.Twin.Coverage;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Twin.Tests.Coverage;

/// <summary>Coverage figures on real PostGIS for <see cref="SquareCity"/>, whose answers are worked out by hand.</summary>
public sealed class CoverageCalculatorTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private CoverageCalculator calculator = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        calculator = new CoverageCalculator(database.Services.GetRequiredService<Npgsql.NpgsqlDataSource>());
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Compute_OneDiscOnTheArterial_CoversTwoHundredMetresOfIt()
    {
        await SquareCity.BuildAsync(database);
        await SquareCity.AddCameraAsync(database, "disc", 500, 500, 100);

        var report = await calculator.ComputeAsync(new CoverageRequest());

        Assert.Equal(SquareCity.RoadLengthM, report.City.LengthM, 1);
        Assert.Equal(200, report.City.CoveredM, 1);
        Assert.Equal(10, report.City.Percent, 1);
        var byClass = report.Classes.ToDictionary(c => c.Class, c => c.Figures);
        Assert.Equal((1000, 200), (Math.Round(byClass[RoadClass.Arterial].LengthM), Math.Round(byClass[RoadClass.Arterial].CoveredM)));
        Assert.Equal((800, 0), (Math.Round(byClass[RoadClass.Local].LengthM), Math.Round(byClass[RoadClass.Local].CoveredM)));
        Assert.Equal(200, byClass[RoadClass.Alley].LengthM, 1);
        Assert.Equal(400, byClass[RoadClass.Gateway].LengthM, 1);
        var ward = Assert.Single(report.Wards);
        Assert.Equal(SquareCity.Ward, ward.Code);
        Assert.False(ward.Approximate);
        // 10,000 people, 90% of their roads uncovered.
        Assert.Equal(9_000, ward.UncoveredPopulation!.Value, 0);
    }

    [Fact]
    public async Task Compute_SelectedClasses_CountsOnlyThoseRoads()
    {
        await SquareCity.BuildAsync(database);
        await SquareCity.AddCameraAsync(database, "disc", 500, 500, 100);

        var report = await calculator.ComputeAsync(new CoverageRequest(RoadClasses: [RoadClass.Arterial, RoadClass.Gateway]));

        Assert.Equal(1_400, report.City.LengthM, 1);
        Assert.Equal(200, report.City.CoveredM, 1);
        Assert.Equal([RoadClass.Arterial, RoadClass.Gateway], report.Classes.Select(c => c.Class));
    }

    [Fact]
    public async Task Compute_SectorLookingAlongTheRoad_CoversItsRangeAndOverlapsCountOnce()
    {
        await SquareCity.BuildAsync(database);
        // Facing east from x = 100: 150 m of the boulevard; the disc at 200 overlaps 50 m of it, counted once.
        await SquareCity.AddCameraAsync(database, "sector", 100, 500, 150, headingDeg: 90, fieldOfViewDeg: 60);
        await SquareCity.AddCameraAsync(database, "disc", 300, 500, 100);

        var report = await calculator.ComputeAsync(new CoverageRequest(RoadClasses: [RoadClass.Arterial]));

        Assert.Equal(300, report.City.CoveredM, 0);
    }

    [Fact]
    public async Task Compute_PlannedCamera_CountsOnlyWhenIncluded()
    {
        await SquareCity.BuildAsync(database);
        await SquareCity.AddPlannedCameraAsync(database, 250, 800, 100);

        var with = await calculator.ComputeAsync(new CoverageRequest(IncludePlanned: true));
        var without = await calculator.ComputeAsync(new CoverageRequest(IncludePlanned: false));

        Assert.Equal(200, with.City.CoveredM, 1);
        Assert.Equal(0, without.City.CoveredM, 1);
    }

    [Fact]
    public async Task Compute_UnknownWard_RefusedWithItsCode()
    {
        await SquareCity.BuildAsync(database);

        var error = await Assert.ThrowsAsync<TwinValidationException>(() => calculator.ComputeAsync(new CoverageRequest("99999")));

        Assert.Equal("unknown ward '99999'", error.Message);
    }

    [Fact]
    public async Task Compute_NoRoadsImported_RefusedWithWhatToDo()
    {
        await SquareCity.BuildAsync(database, withRoads: false);

        var error = await Assert.ThrowsAsync<TwinValidationException>(() => calculator.ComputeAsync(new CoverageRequest()));

        Assert.StartsWith("no roads imported", error.Message);
    }

    [Fact]
    public async Task Gaps_ArterialAndLocal_RankedByClassWeightAndTraffic()
    {
        await SquareCity.BuildAsync(database);
        await SquareCity.AddCameraAsync(database, "disc", 500, 500, 100);

        var gaps = await calculator.GapsAsync(new CoverageRequest());

        // The boulevard is cut in two 400 m stretches; each weighs 3 per metre, above every local or alley stretch.
        Assert.Equal(5, gaps.Count);
        Assert.All(gaps.Take(2), g => Assert.Equal((RoadClass.Arterial, 400), (g.Class, Math.Round(g.LengthM))));
        Assert.Equal("Gateway street", gaps[2].RoadName);
        Assert.Equal(RoadClass.Alley, gaps[^1].Class);
        Assert.Equal(SquareCity.RoadLengthM - 200, gaps.Sum(g => g.LengthM), 1);
        Assert.True(gaps.Zip(gaps.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task Gaps_SightingsNearAStretch_RaiseItsRank()
    {
        await SquareCity.BuildAsync(database);
        var quiet = await calculator.GapsAsync(new CoverageRequest(RoadClasses: [RoadClass.Local, RoadClass.Alley]));
        // Traffic seen on the alley: 100 sightings next to it lift its 200 m above the 400 m local street.
        await SquareCity.AddSightingsAsync(database, 750, 700, 100);

        var busy = await calculator.GapsAsync(new CoverageRequest(RoadClasses: [RoadClass.Local, RoadClass.Alley]));

        int Rank(IReadOnlyList<CoverageGap> gaps, string road) => gaps.ToList().FindIndex(g => g.RoadName == road);
        Assert.True(Rank(quiet, "Small alley") > Rank(quiet, "Local street"));
        Assert.Equal(100, busy.Single(g => g.RoadName == "Small alley").Sightings);
        Assert.True(Rank(busy, "Small alley") < Rank(busy, "Local street"));
    }
}
