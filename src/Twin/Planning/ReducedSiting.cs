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
    /// <summary>
    /// The same problem over only the <paramref name="open"/> sites (kept-site indices, sorted): groups no open site
    /// covers are dropped. Site indices of the result point into <paramref name="open"/>.
    /// </summary>
    public ReducedSiting Restrict(int[] open)
    {
        var local = new int[Sites.Length];
        Array.Fill(local, -1);
        for (var i = 0; i < open.Length; i++) local[open[i]] = i;
        var coverers = new List<int[]>();
        var weights = new List<long>();
        for (var g = 0; g < GroupCoverers.Length; g++)
        {
            var kept = GroupCoverers[g].Where(s => local[s] >= 0).Select(s => local[s]).ToArray();
            if (kept.Length == 0) continue;
            coverers.Add(kept);
            weights.Add(GroupWeights[g]);
        }
        var siteGroups = open.Select(_ => new List<int>()).ToArray();
        for (var g = 0; g < coverers.Count; g++)
            foreach (var s in coverers[g]) siteGroups[s].Add(g);
        return new ReducedSiting(open, [.. coverers], [.. weights], siteGroups.Select(l => l.ToArray()).ToArray(), Sites.Length - open.Length);
    }

    /// <summary>Weighted value (integer units) of the groups the given kept sites cover.</summary>
    public long Value(IEnumerable<int> keptSites)
    {
        var seen = new HashSet<int>();
        foreach (var site in keptSites) seen.UnionWith(SiteGroups[site]);
        return seen.Sum(g => GroupWeights[g]);
    }
}
