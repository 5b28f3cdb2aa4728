using CityTwin.Testing;
using CityTwin.Twin.Common;
using CityTwin.Twin.Coverage;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Planning;
using CityTwin.Twin.Tests.Coverage;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Tests.Planning;

/// <summary>Planning on real PostGIS over <see cref="SquareCity"/>: candidates, solve, adopt, and the bad-input list.</summary>
public sealed class CameraPlannerTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        services = new ServiceCollection().AddLogging().AddTwinDatabase(database.ConnectionString).AddTwinCoverage().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private CameraPlanner Planner => services.GetRequiredService<CameraPlanner>();

    private static PlanRequest Request(int count, CameraSiteKind kind = CameraSiteKind.Ptz360, Geometry? area = null, double seconds = 10) =>
        new(count, kind, area, [], TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task Plan_TwoTowers_CoverMoreThanAnyOneAndStoreThePlan()
    {
        await SquareCity.BuildAsync(database);

        var one = await Planner.PlanAsync(Request(1));
        var two = await Planner.PlanAsync(Request(2));

        Assert.Equal(0, two.BeforePercent);
        Assert.True(two.AddedM > one.AddedM);
        Assert.True(two.Optimal);
        Assert.Equal(0, two.GapPercent);
        Assert.True(two.AddedM >= two.GreedyAddedM - 0.01);
        Assert.Equal(2, two.Sites.Count);
        Assert.True(two.Sites[0].GainM >= two.Sites[1].GainM);
        // A 200 m disc on a road covers at most 400 m of it, plus what crosses nearby.
        Assert.InRange(two.Sites.Sum(s => s.GainM), two.AddedM - 0.01, two.AddedM + 0.01);
        Assert.Matches(@"^coverage before 0\.0% after \d+\.\d% \(\+\d+\.\d\d km\), gap 0\.00%$", two.Summary());
        Assert.NotNull(await services.GetRequiredService<CameraPlans>().FindAsync(two.Id));
    }

    [Fact]
    public async Task Plan_ExistingCamera_StaysFixedAndItsRoadIsNotGainedAgain()
    {
        await SquareCity.BuildAsync(database);
        await SquareCity.AddCameraAsync(database, "disc", 500, 500, 100);

        var plan = await Planner.PlanAsync(Request(1, CameraSiteKind.Sector) with { RoadClasses = [RoadClass.Arterial] });

        Assert.Equal(20, plan.BeforePercent, 1);
        // A 120 m sector along the boulevard adds about its range; one on the side street looking across adds a
        // little more (its 90° chord across the boulevard 100 m away is 130 m). Never what the disc already covers.
        Assert.InRange(plan.AddedM, 100, 150);
        Assert.Equal(plan.BeforePercent + 100 * plan.AddedM / 1_000, plan.AfterPercent, 6);
    }

    [Fact]
    public async Task Adopt_Plan_PlannedCamerasCountInCoverage()
    {
        await SquareCity.BuildAsync(database);
        var plan = await Planner.PlanAsync(Request(2));
        var calculator = services.GetRequiredService<CoverageCalculator>();

        var adopted = await services.GetRequiredService<CameraPlans>().AdoptAsync(plan.Id);
        var again = await services.GetRequiredService<CameraPlans>().AdoptAsync(plan.Id);

        Assert.Equal(2, adopted.Count);
        Assert.Equal(adopted.Select(c => c.Id), again.Select(c => c.Id));
        var after = await calculator.ComputeAsync(new CoverageRequest());
        // The plan counts 25 m elements by their midpoint; coverage cuts the exact geometry: they agree within a point.
        Assert.InRange(after.City.Percent, plan.AfterPercent - 1, plan.AfterPercent + 1);
        Assert.True(after.City.Percent > 40);
        Assert.Equal(0, (await calculator.ComputeAsync(new CoverageRequest(IncludePlanned: false))).City.CoveredM, 1);
    }

    [Fact]
    public async Task Target_HalfOfArterialsAndGateways_FewestTowers()
    {
        await SquareCity.BuildAsync(database);

        var plan = await services.GetRequiredService<TargetPlanner>().PlanAsync(new TargetPlanRequest(50, CameraSiteKind.Ptz360, null, TimeSpan.FromSeconds(10)));

        Assert.True(plan.AfterPercent >= 50);
        Assert.True(plan.Sites.Count <= plan.GreedyCount);
        Assert.Equal(2, plan.Sites.Count);
    }

    [Theory]
    [InlineData(0, 10, "count must be at least 1 (got 0)")]
    [InlineData(-3, 10, "count must be at least 1 (got -3)")]
    [InlineData(1, 0, "time limit must be positive (got 0 s)")]
    [InlineData(1, -1, "time limit must be positive (got -1 s)")]
    public async Task Plan_BadCountOrTimeLimit_Refused(int count, double seconds, string message)
    {
        await SquareCity.BuildAsync(database);

        var error = await Assert.ThrowsAsync<TwinValidationException>(() => Planner.PlanAsync(Request(count, seconds: seconds)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Plan_CountBeyondTheCandidates_Refused()
    {
        await SquareCity.BuildAsync(database);
        var corner = (Polygon)SquareCity.Wgs84("POLYGON((0 450, 60 450, 60 550, 0 550, 0 450))");

        var error = await Assert.ThrowsAsync<TwinValidationException>(() => Planner.PlanAsync(Request(500, area: corner)));

        Assert.Matches(@"^count 500 is beyond the \d+ candidate sites in scope$", error.Message);
    }

    [Fact]
    public async Task Plan_SelfIntersectingArea_RefusedWithWhere()
    {
        await SquareCity.BuildAsync(database);
        var bowTie = (Polygon)SquareCity.Wgs84("POLYGON((0 0, 1000 1000, 1000 0, 0 1000, 0 0))");

        var error = await Assert.ThrowsAsync<TwinValidationException>(() => Planner.PlanAsync(Request(1, area: bowTie)));

        Assert.StartsWith("area is not a valid polygon: Self-intersection", error.Message);
    }

    [Fact]
    public async Task Plan_NoRoadsImported_Refused()
    {
        await SquareCity.BuildAsync(database, withRoads: false);

        var error = await Assert.ThrowsAsync<TwinValidationException>(() => Planner.PlanAsync(Request(1)));

        Assert.StartsWith("no roads imported", error.Message);
    }

    [Fact]
    public async Task Adopt_UnknownPlan_Refused()
    {
        var error = await Assert.ThrowsAsync<TwinValidationException>(() => services.GetRequiredService<CameraPlans>().AdoptAsync("plan-nope"));

        Assert.Equal("unknown plan 'plan-nope'", error.Message);
    }

    [Fact]
    public async Task Jobs_Plan_ProgressEndsDoneWithAStoredPlan()
    {
        await SquareCity.BuildAsync(database);
        var jobs = services.GetRequiredService<CameraPlanJobs>();
        var steps = new List<PlanProgress>();
        var done = new TaskCompletionSource();

        var id = jobs.Start(Request(2));
        using var _ = jobs.Watch(id)!.Subscribe(new Observer(p => { lock (steps) steps.Add(p); }, () => done.TrySetResult()));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(PlanStage.Done, steps[^1].Stage);
        Assert.Equal(1, steps[^1].Fraction);
        Assert.NotNull(await services.GetRequiredService<CameraPlans>().FindAsync(id));
    }

    private sealed class Observer(Action<PlanProgress> next, Action completed) : IObserver<PlanProgress>
    {
        public void OnNext(PlanProgress value) => next(value);
        public void OnCompleted() => completed();
        public void OnError(Exception error) => completed();
    }
}
