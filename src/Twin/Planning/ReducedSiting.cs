namespace CityTwin.Twin.Planning;

/// <summary>
/// A siting problem after <see cref="SitingPresolve"/>: the candidate sites that can still matter, and the road
/// elements merged into groups that exactly the same kept sites cover. Solving it solves the original problem.
/// </summary>
/// <param name="Sites">Original site id of each kept site (index = kept site).</param>
/// <param name="GroupCoverers">For each group, the kept sites (indices into <paramref name="Sites"/>) that cover it.</param>
/// <param name="GroupWeights">Summed integer weight of each group's elements (<see cref="PlanningModel.IntegerWeights"/>).</param>
/// <param name="SiteGroups">For each kept site, the groups it covers.</param>
/// <param name="DroppedSites">Candidate sites left out because another covers everything they cover (or they cover nothing).</param>
public sealed record ReducedSiting(int[] Sites, int[][] GroupCoverers, long[] GroupWeights, int[][] SiteGroups, int DroppedSites)
{
    /// <summary>Weighted value (integer units) of the groups the given kept sites cover.</summary>
    public long Value(IEnumerable<int> keptSites)
    {
        var seen = new HashSet<int>();
        foreach (var site in keptSites) seen.UnionWith(SiteGroups[site]);
        return seen.Sum(g => GroupWeights[g]);
    }
}
