namespace CityTwin.Twin.Planning;

/// <summary>Where a running solve stands: its best weighted gain so far, the proved bound, and time used of the limit.</summary>
public sealed record SolveProgress(double Objective, double Bound, TimeSpan Elapsed, TimeSpan Limit)
{
    /// <summary>Share of the time limit used, 0..1; a solve that proves optimality ends sooner.</summary>
    public double Fraction => Limit > TimeSpan.Zero ? Math.Clamp(Elapsed / Limit, 0, 1) : 1;

    /// <summary>Relative gap between bound and objective, in percent.</summary>
    public double GapPercent => Bound > 0 ? Math.Max(0, 100 * (Bound - Objective) / Bound) : 0;
}
