namespace CityTwin.Twin.Planning;

/// <summary>
/// The maximal covering location problem as built from PostGIS: candidate sites, the uncovered road elements they can
/// cover (each with its length and class weight), and for each candidate the elements inside its view.
/// </summary>
/// <param name="Sites">Candidate sites, index = site id.</param>
/// <param name="Elements">Road elements not yet covered by an existing camera, index = element id.</param>
/// <param name="Covers">For each site, the ids of the elements it covers.</param>
/// <param name="ScopeLengthM">All selected road length in scope (covered or not).</param>
/// <param name="CoveredBeforeM">The part of it existing cameras already cover.</param>
public sealed record PlanningModel(
    IReadOnlyList<CandidateSite> Sites, IReadOnlyList<RoadElement> Elements, IReadOnlyList<int[]> Covers,
    double ScopeLengthM, double CoveredBeforeM)
{
    /// <summary>Weighted value of covering each element, as integers for the solver (tenths of a weighted metre).</summary>
    public long[] IntegerWeights() => Elements.Select(e => Math.Max(1L, (long)Math.Round(e.Weight * 10))).ToArray();

    /// <summary>Road length (not weighted) the given sites cover among the uncovered elements.</summary>
    public double CoveredLengthM(IEnumerable<int> sites)
    {
        var seen = new HashSet<int>();
        foreach (var site in sites) seen.UnionWith(Covers[site]);
        return seen.Sum(e => Elements[e].LengthM);
    }

    /// <summary>Weighted value the given sites cover.</summary>
    public double CoveredWeight(IEnumerable<int> sites)
    {
        var seen = new HashSet<int>();
        foreach (var site in sites) seen.UnionWith(Covers[site]);
        return seen.Sum(e => Elements[e].Weight);
    }
}
