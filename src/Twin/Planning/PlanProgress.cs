namespace CityTwin.Twin.Planning;

/// <summary>A step of a running plan, for the <c>planProgress</c> subscription and the CLI's progress bar.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Stage">What it does now.</param>
/// <param name="Fraction">Overall progress, 0..1.</param>
/// <param name="Objective">Best weighted gain found so far (solving and after).</param>
/// <param name="Bound">Proved upper bound on the weighted gain (solving and after).</param>
/// <param name="Message">An error's reason when <paramref name="Stage"/> is <see cref="PlanStage.Failed"/>.</param>
public sealed record PlanProgress(string PlanId, PlanStage Stage, double Fraction, double? Objective = null, double? Bound = null, string? Message = null)
{
    /// <summary>Relative gap between bound and objective, in percent, when both are known.</summary>
    public double? GapPercent => Objective is { } objective && Bound is { } bound && bound > 0 ? Math.Max(0, 100 * (bound - objective) / bound) : null;
}
