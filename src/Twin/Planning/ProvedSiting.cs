using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace CityTwin.Twin.Planning;

/// <summary>
/// The exact siting solve as a plan runs it: presolve (<see cref="SitingPresolve"/>), greedy and swap search on the
/// reduced problem for a strong first plan, GLOP's LP bound (<see cref="LpSitingBound"/>), CP-SAT over the LP's support
/// sites for a better plan, and only when the gap is still above <see cref="TargetGap"/> a CP-SAT search on the whole
/// reduced problem for the rest of the time. The answer is
/// never worse than the greedy plan it is given and always carries the best bound an OR-Tools solver proved, and which.
/// </summary>
public static class ProvedSiting
{
    /// <summary>A plan stops early once its proved gap is at most this (0.1%).</summary>
    public const double TargetGap = 0.001;

    /// <summary>The best choice of up to <paramref name="count"/> sites of <paramref name="model"/> within <paramref name="timeLimit"/>.</summary>
    public static SiteChoice Choose(PlanningModel model, int count, TimeSpan timeLimit, SiteChoice greedy,
        IProgress<SolveProgress>? progress = null, CancellationToken cancellationToken = default, Action<string>? trace = null)
    {
        var watch = Stopwatch.StartNew();
        TimeSpan Left() => timeLimit - watch.Elapsed;
        void Trace(string step) => trace?.Invoke(FormattableString.Invariant($"{watch.Elapsed.TotalSeconds,6:F2} s  {step}"));
        var problem = SitingPresolve.Reduce(model);
        Trace($"presolve: {problem.Sites.Length} sites, {problem.GroupWeights.Length} groups");
        var best = SwapSearch.Improve(problem, ReducedGreedy(problem, count), Fraction(timeLimit, 0.1), cancellationToken);
        var value = problem.Value(best);
        Trace($"greedy + swaps: {value / 10d:F0}");

        double? bound = null;
        string? source = null;
        // The LP gets most of the time but not all: without its bound, CP-SAT's own bound must still be proved.
        var lp = LpSitingBound.Solve(problem, count, best, Fraction(Left(), 0.7), trace is null ? null : Trace);
        if (lp is not null) (bound, source) = (Math.Max(value, lp.Bound), LpSitingBound.Source);
        cancellationToken.ThrowIfCancellationRequested();
        Trace(lp is null ? "LP bound: GLOP did not finish" : $"LP bound: {bound / 10d:F0} ({lp.Columns} of {problem.Sites.Length} sites priced in, {lp.Rounds} GLOP solves)");
        if (bound is { } b) progress?.Report(new SolveProgress(value / 10d, b / 10d, watch.Elapsed, timeLimit));

        if (lp is not null && (bound - value) / bound > TargetGap && Left() > TimeSpan.FromMilliseconds(400))
        {
            // The LP's support (every site it uses at all, and the incumbent's) is a few hundred sites: CP-SAT solves
            // that restricted problem to or near optimality quickly and finds plans the greedy order and swaps miss.
            // It only improves the plan; the bound stays the LP's over all sites.
            var support = Enumerable.Range(0, problem.Sites.Length).Where(s => lp.Sites[s] > 1e-6 || best.Contains(s)).ToArray();
            var restricted = problem.Restrict(support);
            var hint = best.Select(s => Array.BinarySearch(support, s)).ToArray();
            var search = Search(restricted, count, hint, Fraction(Left(), 0.5), watch.Elapsed, timeLimit, progress, cancellationToken);
            var found = search.Sites.Select(s => support[s]).ToArray();
            if (problem.Value(found) > value) (best, value) = (found, problem.Value(found));
            Trace($"CP-SAT over the LP's {support.Length} support sites: {value / 10d:F0}");
        }

        if ((bound is null || (bound - value) / bound > TargetGap) && Left() > TimeSpan.FromMilliseconds(200))
        {
            // Reduced-cost fixing: a site the LP leaves at 0 whose penalty exceeds the gap cannot be part of any better
            // plan, so the search only needs the rest. Sites of the incumbent stay, so it remains a valid hint.
            var inBest = best.ToHashSet();
            var open = new List<int>();
            var closedBound = 0d;
            for (var s = 0; s < problem.Sites.Length; s++)
            {
                var forced = lp is null ? double.PositiveInfinity : lp.Bound - lp.Penalties[s];
                if (lp is null || inBest.Contains(s) || forced >= value + 1 - 1e-6 * lp.Bound) open.Add(s);
                else closedBound = Math.Max(closedBound, forced);
            }
            var restricted = problem.Restrict([.. open]);
            Trace($"reduced-cost fixing: {open.Count} sites open, {restricted.GroupWeights.Length} groups");
            var hint = best.Select(s => open.BinarySearch(s)).ToArray();
            var search = Search(restricted, count, hint, Left(), watch.Elapsed, timeLimit, progress, cancellationToken);
            var found = search.Sites.Select(s => open[s]).ToArray();
            if (problem.Value(found) > value) (best, value) = (found, problem.Value(found));
            if (search.Bound is { } proved)
            {
                // The best plan either uses only open sites (CP-SAT's bound) or some closed one (the LP's bound for it).
                var combined = Math.Max(value, Math.Max(proved, closedBound));
                if (bound is null || combined < bound)
                    (bound, source) = (combined, lp is null ? "CP-SAT" : "CP-SAT after GLOP reduced-cost fixing");
            }
            Trace($"CP-SAT: {value / 10d:F0}, bound {bound / 10d:F0}");
        }
        // Weights are whole units, so a bound less than one unit above the plan proves it optimal.
        var optimal = bound is { } closed && closed - value < 1;
        if (optimal) bound = value;

        var chosen = best.Select(s => problem.Sites[s]).ToList();
        var weights = model.IntegerWeights();
        var ordered = ExactSiting.OrderByGain(model, weights, chosen, out var gains);
        var result = new SiteChoice(ordered, gains, value / 10d, bound / 10d, optimal, watch.Elapsed, source);
        // Rounding in the reduced problem's units must never let the plan fall below the greedy answer it is shown beside.
        return result.Objective < greedy.Objective ? greedy with { Bound = result.Bound, BoundSource = source, Elapsed = watch.Elapsed } : result;
    }

    /// <summary>Workers for CP-SAT: one per core, so a plan does not starve the host on a small machine.</summary>
    internal static int Workers => Math.Max(1, Environment.ProcessorCount);

    private static TimeSpan Fraction(TimeSpan limit, double share) => TimeSpan.FromTicks((long)(limit.Ticks * share));

    /// <summary>Greedy on the reduced problem: take the site adding the most uncovered group weight, lazily re-scored.</summary>
    private static int[] ReducedGreedy(ReducedSiting problem, int count)
    {
        var covered = new bool[problem.GroupWeights.Length];
        long Gain(int s) => problem.SiteGroups[s].Where(g => !covered[g]).Sum(g => problem.GroupWeights[g]);
        var queue = new PriorityQueue<int, long>(Comparer<long>.Create((a, b) => b.CompareTo(a)));
        for (var s = 0; s < problem.Sites.Length; s++) queue.Enqueue(s, Gain(s));
        var chosen = new List<int>();
        while (chosen.Count < count && queue.TryDequeue(out var site, out var stale))
        {
            var gain = Gain(site);
            if (gain < stale && queue.TryPeek(out _, out var next) && gain < next)
            {
                queue.Enqueue(site, gain);
                continue;
            }
            if (gain <= 0) break;
            foreach (var g in problem.SiteGroups[site]) covered[g] = true;
            chosen.Add(site);
        }
        return [.. chosen];
    }

    private sealed record SearchResult(int[] Sites, long Value, double? Bound);

    /// <summary>CP-SAT on the reduced problem from <paramref name="hint"/>; stops at <see cref="TargetGap"/> or the time limit.</summary>
    private static SearchResult Search(ReducedSiting problem, int count, int[] hint, TimeSpan limit, TimeSpan spent, TimeSpan total,
        IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        var cp = new CpModel();
        var x = problem.Sites.Select(_ => cp.NewBoolVar("")).ToArray();
        var y = new BoolVar[problem.GroupWeights.Length];
        var hinted = hint.ToHashSet();
        for (var g = 0; g < y.Length; g++)
        {
            y[g] = cp.NewBoolVar("");
            cp.Add(LinearExpr.Sum(problem.GroupCoverers[g].Select(s => (ILiteral)x[s])) >= y[g]);
            cp.AddHint(y[g], problem.GroupCoverers[g].Any(hinted.Contains));
        }
        cp.Add(LinearExpr.Sum(x) <= count);
        cp.Maximize(LinearExpr.WeightedSum(y, problem.GroupWeights));
        for (var s = 0; s < x.Length; s++) cp.AddHint(x[s], hinted.Contains(s));
        using var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{limit.TotalSeconds:F3} num_workers:{Workers} linearization_level:2 relative_gap_limit:{TargetGap}"),
        };
        using var stop = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(cp, new Reporter(progress, spent, total));
        cancellationToken.ThrowIfCancellationRequested();
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return new SearchResult(hint, 0, null);
        var sites = Enumerable.Range(0, x.Length).Where(s => solver.BooleanValue(x[s])).ToArray();
        return new SearchResult(sites, problem.Value(sites), status == CpSolverStatus.Optimal && solver.ObjectiveValue >= solver.BestObjectiveBound
            ? solver.ObjectiveValue : solver.BestObjectiveBound);
    }

    private sealed class Reporter(IProgress<SolveProgress>? progress, TimeSpan spent, TimeSpan total) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback() =>
            progress?.Report(new SolveProgress(ObjectiveValue() / 10d, BestObjectiveBound() / 10d, spent + TimeSpan.FromSeconds(WallTime()), total));
    }
}
