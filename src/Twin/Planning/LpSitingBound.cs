using Google.OrTools.LinearSolver;

namespace CityTwin.Twin.Planning;

/// <summary>
/// The LP relaxation of the reduced covering problem, solved by OR-Tools' GLOP: sites and groups may be chosen in
/// fractions. Every integer plan is also a fractional one, so GLOP's optimum is a proved upper bound on the best plan.
/// On road coverage with a few dozen cameras it lies close to the optimum, which is what makes a 1% gap provable fast.
/// </summary>
public static class LpSitingBound
{
    /// <summary>The solver named as the bound's source when GLOP proves it.</summary>
    public const string Source = "GLOP (LP relaxation)";

    /// <summary>
    /// GLOP's optimal value (integer weight units), the fractional site values and each site's reduced cost, or null if
    /// GLOP did not finish. A site at 0 with reduced cost r cannot be forced in without the LP value dropping by |r|.
    /// </summary>
    public static (double Bound, double[] Sites, double[] ReducedCosts)? Solve(ReducedSiting problem, int count, TimeSpan timeLimit)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver here");
        var x = problem.Sites.Select(_ => solver.MakeNumVar(0, 1, "")).ToArray();
        var objective = solver.Objective();
        objective.SetMaximization();
        for (var g = 0; g < problem.GroupWeights.Length; g++)
        {
            var y = solver.MakeNumVar(0, 1, "");
            // A group counts (fractionally) only as far as the sites that see it are chosen.
            var seen = solver.MakeConstraint(double.NegativeInfinity, 0);
            seen.SetCoefficient(y, 1);
            foreach (var s in problem.GroupCoverers[g]) seen.SetCoefficient(x[s], -1);
            objective.SetCoefficient(y, problem.GroupWeights[g]);
        }
        var budget = solver.MakeConstraint(0, count);
        foreach (var v in x) budget.SetCoefficient(v, 1);
        solver.SetTimeLimit((long)Math.Max(1, timeLimit.TotalMilliseconds));
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL) return null;
        // The objective is integral in its units; a hair of slack keeps round-off from cutting below the true optimum.
        return (objective.Value() + 1e-6 * Math.Max(1, Math.Abs(objective.Value())), x.Select(v => v.SolutionValue()).ToArray(),
            x.Select(v => v.ReducedCost()).ToArray());
    }
}
