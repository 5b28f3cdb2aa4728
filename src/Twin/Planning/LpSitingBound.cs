using Google.OrTools.LinearSolver;

namespace CityTwin.Twin.Planning;

/// <summary>
/// The LP relaxation of the reduced covering problem, solved by OR-Tools' GLOP: sites and groups may be chosen in
/// fractions. Every integer plan is also a fractional one, so the LP optimum is a proved upper bound on the best plan.
/// The LP over all candidates is large (GLOP took most of 30 s on 2 busy cores), yet few sites carry weight in its
/// optimum, so it is solved by column generation: GLOP solves it over a few hundred promising sites, GLOP's duals price
/// every other site, and sites that could raise the optimum join until none can. Then the restricted LP's optimum is
/// the full LP's optimum, proved by GLOP's optimality and the dual prices.
/// </summary>
public static class LpSitingBound
{
    /// <summary>The solver named as the bound's source when the LP proves it.</summary>
    public const string Source = "GLOP (LP relaxation)";

    /// <summary>Sites the first LP starts from, besides the given plan: those with the largest gain alone.</summary>
    private const int FirstColumns = 400;

    /// <summary>The most sites added per round, the most negatively priced first.</summary>
    private const int ColumnsPerRound = 300;

    /// <summary>The LP optimum, each site's LP value, and each site's penalty: how far the LP optimum must drop if it is forced in.</summary>
    public sealed record Relaxation(double Bound, double[] Sites, double[] Penalties, int Columns, int Rounds);

    /// <summary>The LP relaxation's optimum (integer weight units), or null when GLOP does not finish in time.</summary>
    public static Relaxation? Solve(ReducedSiting problem, int count, IReadOnlyCollection<int> start, TimeSpan timeLimit, Action<string>? trace = null)
    {
        var until = DateTime.UtcNow + timeLimit;
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver here");
        var objective = solver.Objective();
        objective.SetMaximization();
        // Rows only for the groups the sites in the LP see: a group no such site sees has y = 0 and dual price = its weight.
        var seen = new Constraint?[problem.GroupWeights.Length];
        var budget = solver.MakeConstraint(0, count);
        var column = new Variable?[problem.Sites.Length];
        void Add(int s)
        {
            if (column[s] is not null) return;
            var x = column[s] = solver.MakeNumVar(0, 1, "");
            budget.SetCoefficient(x, 1);
            foreach (var g in problem.SiteGroups[s])
            {
                if (seen[g] is null)
                {
                    var y = solver.MakeNumVar(0, 1, "");
                    objective.SetCoefficient(y, problem.GroupWeights[g]);
                    // A group counts (fractionally) only as far as the sites that see it are chosen: y − Σ x ≤ 0.
                    seen[g] = solver.MakeConstraint(double.NegativeInfinity, 0);
                    seen[g]!.SetCoefficient(y, 1);
                }
                seen[g]!.SetCoefficient(x, -1);
            }
        }
        foreach (var s in start) Add(s);
        foreach (var s in Enumerable.Range(0, problem.Sites.Length)
                     .OrderByDescending(s => problem.SiteGroups[s].Sum(g => problem.GroupWeights[g])).Take(FirstColumns))
            Add(s);

        var prices = new double[problem.Sites.Length];
        var u = new double[seen.Length];
        for (var round = 1; ; round++)
        {
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return null;
            solver.SetTimeLimit((long)Math.Max(1, left.TotalMilliseconds));
            if (solver.Solve() != Solver.ResultStatus.OPTIMAL) return null;
            // Duals of a maximisation's ≤ rows are ≥ 0 in theory; their sign convention in the wrapper does not matter here.
            for (var g = 0; g < u.Length; g++) u[g] = seen[g] is { } row ? Math.Abs(row.DualValue()) : problem.GroupWeights[g];
            var lambda = Math.Abs(budget.DualValue());
            for (var s = 0; s < prices.Length; s++)
            {
                double sum = 0;
                foreach (var g in problem.SiteGroups[s]) sum += u[g];
                prices[s] = sum - lambda;
            }
            var tolerance = 1e-7 * Math.Max(1, objective.Value());
            var entering = Enumerable.Range(0, prices.Length).Where(s => column[s] is null && prices[s] > tolerance)
                .OrderByDescending(s => prices[s]).Take(ColumnsPerRound).ToList();
            trace?.Invoke(FormattableString.Invariant($"GLOP round {round}: LP {objective.Value() / 10:F0} over {column.Count(x => x is not null)} sites, {entering.Count} priced in"));
            if (entering.Count == 0)
            {
                var value = objective.Value();
                var sites = column.Select(x => x?.SolutionValue() ?? 0).ToArray();
                // A site at 0 priced below λ would cost the LP that much if forced in (reduced-cost fixing uses it).
                var penalties = prices.Select((p, s) => sites[s] > 1e-7 ? 0 : Math.Max(0, -p)).ToArray();
                // The objective is integral in its units; a hair of slack keeps round-off from cutting below the true optimum.
                return new Relaxation(value + 1e-6 * Math.Max(1, Math.Abs(value)), sites, penalties, column.Count(x => x is not null), round);
            }
            foreach (var s in entering) Add(s);
        }
    }
}
