using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace CityTwin.Twin.Planning;

/// <summary>
/// The maximal covering location problem solved with OR-Tools CP-SAT: choose at most <c>count</c> sites so that the
/// weighted length of the elements some chosen site covers is largest. The greedy choice is the starting hint, so the
/// answer is never worse than greedy; at the time limit the best choice found comes back with the proved bound.
/// </summary>
public static class ExactSiting
{
    /// <summary>The best choice of up to <paramref name="count"/> sites within <paramref name="timeLimit"/>.</summary>
    public static SiteChoice Choose(PlanningModel model, int count, TimeSpan timeLimit, SiteChoice? hint = null,
        IProgress<SolveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var weights = model.IntegerWeights();
        var cp = new CpModel();
        var useful = Enumerable.Range(0, model.Sites.Count).Where(s => model.Covers[s].Length > 0).ToArray();
        var site = new Dictionary<int, BoolVar>(useful.Length);
        foreach (var s in useful) site[s] = cp.NewBoolVar($"x{s}");
        var hinted = hint?.Sites.ToHashSet();
        var covered = new List<BoolVar>();
        var coveredWeights = new List<long>();
        // Elements seen by exactly the same sites are one variable with their summed weight: a much smaller model.
        foreach (var (coverers, weight) in Groups(model, weights))
        {
            var y = cp.NewBoolVar($"y{covered.Count}");
            // A group counts only when some chosen site covers it.
            cp.Add(LinearExpr.Sum(coverers.Select(s => (ILiteral)site[s])) >= y);
            covered.Add(y);
            coveredWeights.Add(weight);
            if (hinted is not null) cp.AddHint(y, coverers.Any(hinted.Contains));
        }
        cp.Add(LinearExpr.Sum(site.Values) <= count);
        cp.Maximize(LinearExpr.WeightedSum(covered, coveredWeights));
        if (hinted is not null)
            foreach (var (s, x) in site) cp.AddHint(x, hinted.Contains(s));

        using var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{timeLimit.TotalSeconds:F3} num_workers:{Workers} linearization_level:2"),
        };
        var reporter = new ProgressReporter(progress, timeLimit);
        using var stop = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(cp, reporter);
        cancellationToken.ThrowIfCancellationRequested();
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            return hint ?? new SiteChoice([], [], 0, 0, false, watch.Elapsed);

        var bound = solver.BestObjectiveBound / 10d;
        // The hint is a full solution, but a solver stopped early may not have got back to it: never return less.
        if (hint is not null && solver.ObjectiveValue / 10d < hint.Objective)
            return hint with { Bound = bound, Elapsed = watch.Elapsed };
        var chosen = site.Where(x => solver.BooleanValue(x.Value)).Select(x => x.Key).ToList();
        var ordered = OrderByGain(model, weights, chosen, out var gains);
        return new SiteChoice(ordered, gains, solver.ObjectiveValue / 10d, bound, status == CpSolverStatus.Optimal, watch.Elapsed);
    }

    /// <summary>
    /// CP-SAT workers. Eight even on two cores: the portfolio then includes the LP-based workers that prove the bound,
    /// which a two-worker run leaves out; they share the cores.
    /// </summary>
    internal const int Workers = 8;

    /// <summary>Elements grouped by the exact set of sites that cover them, with their summed integer weight.</summary>
    internal static IEnumerable<(int[] Coverers, long Weight)> Groups(PlanningModel model, long[] weights)
    {
        var coverers = Coverers(model);
        var groups = new Dictionary<string, (int[] Coverers, long Weight)>(StringComparer.Ordinal);
        for (var e = 0; e < coverers.Length; e++)
        {
            if (coverers[e].Count == 0) continue;
            var key = string.Join(',', coverers[e]);
            groups[key] = groups.TryGetValue(key, out var group) ? (group.Coverers, group.Weight + weights[e]) : ([.. coverers[e]], weights[e]);
        }
        return groups.Values;
    }

    /// <summary>For each element, the sites that cover it.</summary>
    internal static List<int>[] Coverers(PlanningModel model)
    {
        var coverers = model.Elements.Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < model.Sites.Count; s++)
            foreach (var e in model.Covers[s]) coverers[e].Add(s);
        return coverers;
    }

    /// <summary>The chosen sites in greedy order among themselves, so each one's marginal gain reads as "what it adds".</summary>
    internal static List<int> OrderByGain(PlanningModel model, long[] weights, IReadOnlyCollection<int> chosen, out List<double> gains)
    {
        var left = chosen.ToHashSet();
        var taken = new bool[model.Elements.Count];
        var order = new List<int>();
        gains = [];
        while (left.Count > 0)
        {
            var best = left.Select(s => (Site: s, Gain: model.Covers[s].Where(e => !taken[e]).Sum(e => weights[e])))
                .OrderByDescending(x => x.Gain).ThenBy(x => x.Site).First();
            foreach (var e in model.Covers[best.Site]) taken[e] = true;
            order.Add(best.Site);
            gains.Add(best.Gain / 10d);
            left.Remove(best.Site);
        }
        return order;
    }

    /// <summary>Passes each improving solution on as progress: objective, bound and time against the limit.</summary>
    private sealed class ProgressReporter(IProgress<SolveProgress>? progress, TimeSpan limit) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback() =>
            progress?.Report(new SolveProgress(ObjectiveValue() / 10d, BestObjectiveBound() / 10d,
                TimeSpan.FromSeconds(WallTime()), limit));
    }
}
