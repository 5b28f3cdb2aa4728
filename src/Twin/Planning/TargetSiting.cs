using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace CityTwin.Twin.Planning;

/// <summary>
/// The inverse problem: the fewest sites whose coverage adds at least a required road length (a set-cover with a
/// length target), solved with CP-SAT from the greedy answer. The bound is the proved lower bound on the count.
/// </summary>
public static class TargetSiting
{
    /// <summary>Greedy: take the site adding the most uncovered length until <paramref name="neededM"/> is reached.</summary>
    public static SiteChoice Greedy(PlanningModel model, double neededM)
    {
        var watch = Stopwatch.StartNew();
        var taken = new bool[model.Elements.Count];
        var chosen = new List<int>();
        var gains = new List<double>();
        double total = 0;
        while (total < neededM)
        {
            var (best, gain) = (-1, 0.0);
            for (var s = 0; s < model.Sites.Count; s++)
            {
                var g = model.Covers[s].Where(e => !taken[e]).Sum(e => model.Elements[e].LengthM);
                if (g > gain) (best, gain) = (s, g);
            }
            if (best < 0) break;
            foreach (var e in model.Covers[best]) taken[e] = true;
            chosen.Add(best);
            gains.Add(gain);
            total += gain;
        }
        return new SiteChoice(chosen, gains, chosen.Count, null, false, watch.Elapsed);
    }

    /// <summary>The fewest sites adding at least <paramref name="neededM"/> of road, within <paramref name="timeLimit"/>.</summary>
    public static SiteChoice Exact(PlanningModel model, double neededM, TimeSpan timeLimit, SiteChoice hint, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var cp = new CpModel();
        var coverers = ExactSiting.Coverers(model);
        var site = Enumerable.Range(0, model.Sites.Count).Where(s => model.Covers[s].Length > 0).ToDictionary(s => s, s => cp.NewBoolVar($"x{s}"));
        var covered = new List<BoolVar>();
        var lengths = new List<long>();
        for (var e = 0; e < model.Elements.Count; e++)
        {
            if (coverers[e].Count == 0) continue;
            var y = cp.NewBoolVar($"y{e}");
            cp.Add(LinearExpr.Sum(coverers[e].Select(s => (ILiteral)site[s])) >= y);
            covered.Add(y);
            // Decimetres, rounded down, so the target is never met only by rounding.
            lengths.Add((long)Math.Floor(model.Elements[e].LengthM * 10));
        }
        cp.Add(LinearExpr.WeightedSum(covered, lengths) >= (long)Math.Ceiling(neededM * 10));
        cp.Minimize(LinearExpr.Sum(site.Values));
        var hinted = hint.Sites.ToHashSet();
        foreach (var (s, x) in site) cp.AddHint(x, hinted.Contains(s));
        using var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{timeLimit.TotalSeconds:F3} num_workers:{ExactSiting.Workers} linearization_level:2"),
        };
        using var stop = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(cp);
        cancellationToken.ThrowIfCancellationRequested();
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return hint;
        var chosen = site.Where(x => solver.BooleanValue(x.Value)).Select(x => x.Key).ToList();
        var ordered = ExactSiting.OrderByGain(model, model.IntegerWeights(), chosen, out var gains);
        return new SiteChoice(ordered, gains, solver.ObjectiveValue, solver.BestObjectiveBound, status == CpSolverStatus.Optimal, watch.Elapsed);
    }
}
