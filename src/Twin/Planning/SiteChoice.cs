namespace CityTwin.Twin.Planning;

/// <summary>A solver's choice of sites, in the order it added them, with each one's marginal weighted gain.</summary>
/// <param name="Sites">Chosen site ids.</param>
/// <param name="MarginalWeights">Weighted gain each site adds to those before it.</param>
/// <param name="Objective">Total weighted gain.</param>
/// <param name="Bound">Upper bound on the best possible gain (equal to <paramref name="Objective"/> when proved optimal; unknown for greedy).</param>
/// <param name="Optimal">Whether the solver proved the choice optimal.</param>
/// <param name="Elapsed">Solve time.</param>
/// <param name="BoundSource">The OR-Tools solver that proved <paramref name="Bound"/> (null without a bound).</param>
public sealed record SiteChoice(
    IReadOnlyList<int> Sites, IReadOnlyList<double> MarginalWeights, double Objective, double? Bound, bool Optimal, TimeSpan Elapsed,
    string? BoundSource = null)
{
    /// <summary>Relative gap between the proved bound and the objective, in percent (null without a bound).</summary>
    public double? GapPercent => Bound is { } bound && bound > 0 ? Math.Max(0, 100 * (bound - Objective) / bound) : Bound is null ? null : 0;
}
