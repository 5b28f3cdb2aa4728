using CityTwin.Twin.Planning;

namespace CityTwin.Twin.Tests.Planning;

/// <summary>The greedy and CP-SAT solvers on small covering problems whose optimum is known.</summary>
public sealed class SitingSolverTests
{
    /// <summary>
    /// The classic greedy trap: A covers four elements, B and C three each, disjoint from each other. Greedy takes A
    /// and then adds one element; the optimum for two cameras is B and C, six elements.
    /// </summary>
    private static PlanningModel Trap() => new(
        Sites: [Site(), Site(), Site()],
        Elements: Enumerable.Range(0, 6).Select(_ => new RoadElement(10, 10)).ToList(),
        Covers: [[0, 1, 2, 3], [0, 1, 4], [2, 3, 5]],
        ScopeLengthM: 100, CoveredBeforeM: 0);

    private static CandidateSite Site() => new(106.7, 10.8, 0, "26794");

    [Fact]
    public void Greedy_Trap_TakesTheLargestSiteFirst()
    {
        var greedy = GreedySiting.Choose(Trap(), 2);

        Assert.Equal(0, greedy.Sites[0]);
        Assert.Equal(50, Trap().CoveredLengthM(greedy.Sites));
    }

    [Fact]
    public void Exact_Trap_FindsTheOptimumAndProvesIt()
    {
        var model = Trap();
        var exact = ExactSiting.Choose(model, 2, TimeSpan.FromSeconds(10), GreedySiting.Choose(model, 2));

        Assert.Equal([1, 2], exact.Sites.Order());
        Assert.Equal(60, model.CoveredLengthM(exact.Sites));
        Assert.True(exact.Optimal);
        Assert.Equal(0, exact.GapPercent);
        Assert.Equal(60, exact.Objective, 3);
    }

    [Fact]
    public void Exact_RandomInstances_MatchBruteForce()
    {
        var random = new Random(15);
        for (var round = 0; round < 20; round++)
        {
            var sites = 9;
            var elements = 14;
            var covers = Enumerable.Range(0, sites)
                .Select(_ => Enumerable.Range(0, elements).Where(_ => random.NextDouble() < 0.3).ToArray()).ToArray();
            var model = new PlanningModel(Enumerable.Range(0, sites).Select(_ => Site()).ToList(),
                Enumerable.Range(0, elements).Select(_ => new RoadElement(random.Next(1, 50), random.Next(1, 50))).ToList(), covers, 1000, 0);

            var exact = ExactSiting.Choose(model, 3, TimeSpan.FromSeconds(10));

            var best = Combinations(sites, 3).Max(c => model.CoveredWeight(c));
            Assert.Equal(best, model.CoveredWeight(exact.Sites), 6);
            Assert.True(exact.Optimal);
        }
    }

    [Fact]
    public void Target_Trap_FewestSitesForFiveElements()
    {
        var model = Trap();
        var greedy = TargetSiting.Greedy(model, 55);

        var exact = TargetSiting.Exact(model, 55, TimeSpan.FromSeconds(10), greedy);

        // Greedy needs A, then B and C for the last two; B and C alone reach 60.
        Assert.Equal(3, greedy.Sites.Count);
        Assert.Equal(2, exact.Sites.Count);
        Assert.True(exact.Optimal);
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        if (k == 0) { yield return []; yield break; }
        for (var first = 0; first <= n - k; first++)
            foreach (var rest in Combinations(n - first - 1, k - 1))
                yield return [first, .. rest.Select(r => r + first + 1)];
    }
}
