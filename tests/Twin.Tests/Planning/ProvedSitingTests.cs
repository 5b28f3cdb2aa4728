using CityTwin.Twin.Planning;

namespace CityTwin.Twin.Tests.Planning;

/// <summary>The presolve, swap search and the GLOP-bounded exact solve on small problems whose optimum is known.</summary>
public sealed class ProvedSitingTests
{
    private static CandidateSite Site() => new(106.7, 10.8, 0, "26794");

    private static PlanningModel Model(int[][] covers, double[]? weights = null)
    {
        var elements = covers.SelectMany(c => c).DefaultIfEmpty(-1).Max() + 1;
        return new PlanningModel(covers.Select(_ => Site()).ToList(),
            Enumerable.Range(0, elements).Select(e => new RoadElement(10, weights?[e] ?? 10)).ToList(), covers, 1000, 0);
    }

    /// <summary>Greedy takes A (four elements) and then one more; B and C together cover six.</summary>
    private static PlanningModel Trap() => Model([[0, 1, 2, 3], [0, 1, 4], [2, 3, 5]]);

    [Fact]
    public void Presolve_SubsetAndEqualSites_KeepsOneCovererOfEach()
    {
        // Site 1 sees a subset of site 0; site 3 sees the same as site 2; site 4 sees nothing.
        var reduced = SitingPresolve.Reduce(Model([[0, 1, 2], [1, 2], [3, 4], [3, 4], []]));

        Assert.Equal([0, 2], reduced.Sites);
        Assert.Equal(3, reduced.DroppedSites);
        // Elements 0–2 are seen only by site 0 now, 3–4 only by site 2: two groups with summed weights.
        Assert.Equal(2, reduced.GroupWeights.Length);
        Assert.Equal(new long[] { 300, 200 }, reduced.GroupWeights.OrderDescending().ToArray());
    }

    [Fact]
    public void Presolve_RandomInstances_KeepsTheOptimum()
    {
        var random = new Random(7);
        for (var round = 0; round < 30; round++)
        {
            var model = RandomModel(random, sites: 10, elements: 16);
            var reduced = SitingPresolve.Reduce(model);

            var best = Combinations(model.Sites.Count, 3).Max(c => model.CoveredWeight(c));
            var bestReduced = Combinations(reduced.Sites.Length, Math.Min(3, reduced.Sites.Length)).Max(c => reduced.Value(c)) / 10d;
            Assert.Equal(Math.Round(best * 10), bestReduced * 10, 6);
        }
    }

    [Fact]
    public void SwapSearch_GreedyTrap_SwapsToTheOptimum()
    {
        var reduced = SitingPresolve.Reduce(Trap());

        var improved = SwapSearch.Improve(reduced, [0, 1], TimeSpan.FromSeconds(5));

        Assert.Equal(600, reduced.Value(improved));
    }

    [Fact]
    public void Choose_Trap_ProvesTheOptimumWithGlop()
    {
        var model = Trap();
        var choice = ProvedSiting.Choose(model, 2, TimeSpan.FromSeconds(10), GreedySiting.Choose(model, 2));

        Assert.Equal([1, 2], choice.Sites.Order());
        Assert.True(choice.Optimal);
        Assert.Equal(0, choice.GapPercent);
        Assert.Equal(LpSitingBound.Source, choice.BoundSource);
    }

    [Fact]
    public void Choose_RandomInstances_MatchBruteForceAndBoundIt()
    {
        var random = new Random(15);
        for (var round = 0; round < 20; round++)
        {
            var model = RandomModel(random, sites: 12, elements: 20);
            var greedy = GreedySiting.Choose(model, 3);

            var choice = ProvedSiting.Choose(model, 3, TimeSpan.FromSeconds(10), greedy);

            var best = Combinations(model.Sites.Count, 3).Max(c => model.CoveredWeight(c));
            Assert.Equal(best, model.CoveredWeight(choice.Sites), 6);
            Assert.True(choice.Optimal, $"round {round}: bound {choice.Bound} for {choice.Objective} ({choice.BoundSource})");
            Assert.True(choice.Bound >= best - 1e-6);
            Assert.True(choice.Objective >= greedy.Objective);
        }
    }

    [Fact]
    public void Choose_NoTimeLeft_ReturnsAtLeastGreedy()
    {
        var random = new Random(3);
        var model = RandomModel(random, sites: 40, elements: 80);
        var greedy = GreedySiting.Choose(model, 5);

        var choice = ProvedSiting.Choose(model, 5, TimeSpan.FromTicks(1), greedy);

        Assert.True(choice.Objective >= greedy.Objective);
        Assert.Equal(5, choice.Sites.Count);
    }

    private static PlanningModel RandomModel(Random random, int sites, int elements)
    {
        var covers = Enumerable.Range(0, sites).Select(_ => Enumerable.Range(0, elements).Where(_ => random.NextDouble() < 0.25).ToArray()).ToArray();
        var weights = Enumerable.Range(0, elements).Select(_ => (double)random.Next(1, 50)).ToArray();
        return Model(covers, weights) with { Elements = weights.Select(w => new RoadElement(w, w)).ToList() };
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        if (k == 0) { yield return []; yield break; }
        for (var first = 0; first <= n - k; first++)
            foreach (var rest in Combinations(n - first - 1, k - 1))
                yield return [first, .. rest.Select(r => r + first + 1)];
    }
}
