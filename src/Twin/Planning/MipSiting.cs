using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace CityTwin.Twin.Planning;

/// <summary>
/// The same maximal covering problem as <see cref="ExactSiting"/>, solved with OR-Tools' MIP solver (SCIP). Only the
/// site choices are integer: a covered-group variable in [0, 1] takes its best value by itself once the sites are
/// fixed, so the LP relaxation is tight and the proved bound close, which CP-SAT's search does not reach on 2 cores.
/// </summary>
public static class MipSiting
{
    /// <summary>The best choice of up to <paramref name="count"/> sites within <paramref name="timeLimit"/>, with SCIP's proved bound.</summary>
    public static SiteChoice Choose(PlanningModel model, int count, TimeSpan timeLimit, SiteChoice? hint = null, double relativeGap = 0.001)
    {
        var watch = Stopwatch.StartNew();
        var weights = model.IntegerWeights();
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools has no SCIP solver here");
        var useful = Enumerable.Range(0, model.Sites.Count).Where(s => model.Covers[s].Length > 0).ToArray();
        var site = useful.ToDictionary(s => s, s => solver.MakeBoolVar($"x{s}"));
        var objective = solver.Objective();
        objective.SetMaximization();
        foreach (var (coverers, weight) in ExactSiting.Groups(model, weights))
        {
            var y = solver.MakeNumVar(0, 1, "");
            // y ≤ Σ x over the sites that see the group.
            var covered = solver.MakeConstraint(double.NegativeInfinity, 0);
            covered.SetCoefficient(y, 1);
            foreach (var s in coverers) covered.SetCoefficient(site[s], -1);
            objective.SetCoefficient(y, weight);
        }
        var budget = solver.MakeConstraint(0, count);
        foreach (var x in site.Values) budget.SetCoefficient(x, 1);
        if (hint is not null)
        {
            var hinted = hint.Sites.ToHashSet();
            solver.SetHint([.. site.Values], [.. site.Keys.Select(s => hinted.Contains(s) ? 1.0 : 0.0)]);
        }
        solver.SetTimeLimit((long)Math.Max(1, timeLimit.TotalMilliseconds));
        solver.SetSolverSpecificParametersAsString(FormattableString.Invariant($"limits/gap = {relativeGap}\n"));
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
            return hint ?? new SiteChoice([], [], 0, null, false, watch.Elapsed);
        var chosen = site.Where(x => x.Value.SolutionValue() > 0.5).Select(x => x.Key).ToList();
        var ordered = ExactSiting.OrderByGain(model, weights, chosen, out var gains);
        var value = gains.Sum();
        var bound = Math.Max(value, objective.BestBound() / 10d);
        if (hint is not null && value < hint.Objective) return hint with { Bound = bound, Elapsed = watch.Elapsed };
        return new SiteChoice(ordered, gains, value, bound, status == Solver.ResultStatus.OPTIMAL && bound - value < 1e-6 * Math.Max(1, value), watch.Elapsed);
    }
}
