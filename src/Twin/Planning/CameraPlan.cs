namespace CityTwin.Twin.Planning;

/// <summary>A solved plan: the proposed sites of the exact solve, its figures before and after, and the greedy solve beside it.</summary>
/// <param name="Id">Plan id, used to adopt it.</param>
/// <param name="Kind">Camera kind placed.</param>
/// <param name="RequestedCount">Cameras asked for (null for an inverse plan, which chooses the count).</param>
/// <param name="CandidateCount">Candidate sites considered.</param>
/// <param name="ScopeLengthM">Selected road length in scope.</param>
/// <param name="CoveredBeforeM">Covered by existing (and adopted planned) cameras.</param>
/// <param name="AddedM">Road length the proposed sites add.</param>
/// <param name="Optimal">Whether the solver proved the plan optimal.</param>
/// <param name="GapPercent">Proved optimality gap of the weighted objective, in percent (0 when optimal).</param>
/// <param name="SolveSeconds">Exact solve time.</param>
/// <param name="GreedyAddedM">Road length the greedy choice of the same number of sites adds.</param>
/// <param name="GreedySeconds">Greedy solve time.</param>
/// <param name="GreedyCount">Sites the greedy choice used (the same count, or for an inverse plan its own count).</param>
/// <param name="Sites">Proposed sites by rank.</param>
/// <param name="BoundSource">The OR-Tools solver that proved the bound behind <paramref name="GapPercent"/>.</param>
public sealed record CameraPlan(
    string Id, CameraSiteKind Kind, int? RequestedCount, int CandidateCount, double ScopeLengthM, double CoveredBeforeM,
    double AddedM, bool Optimal, double GapPercent, double SolveSeconds, double GreedyAddedM, double GreedySeconds, int GreedyCount,
    IReadOnlyList<PlannedSite> Sites, string? BoundSource = null)
{
    /// <summary>Coverage of the scope before the plan, in percent.</summary>
    public double BeforePercent => ScopeLengthM > 0 ? 100 * CoveredBeforeM / ScopeLengthM : 0;

    /// <summary>Coverage after the exact plan, in percent.</summary>
    public double AfterPercent => ScopeLengthM > 0 ? 100 * Math.Min(ScopeLengthM, CoveredBeforeM + AddedM) / ScopeLengthM : 0;

    /// <summary>Coverage after the greedy choice, in percent.</summary>
    public double GreedyAfterPercent => ScopeLengthM > 0 ? 100 * Math.Min(ScopeLengthM, CoveredBeforeM + GreedyAddedM) / ScopeLengthM : 0;

    /// <summary>The CLI's closing line: <c>coverage before X% after Y% (+Z km), gap G%</c>.</summary>
    public string Summary() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"coverage before {BeforePercent:F1}% after {AfterPercent:F1}% (+{AddedM / 1000:F2} km), gap {GapPercent:F2}%");
}
