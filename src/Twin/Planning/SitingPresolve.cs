namespace CityTwin.Twin.Planning;

/// <summary>
/// Shrinks a maximal covering problem before any solver sees it, without changing its optimum:
/// elements no site covers are dropped, elements covered by exactly the same sites become one weighted group, and a
/// site whose covered groups are a subset of another site's is dropped (swapping it for the other never loses). Dropping
/// sites makes more coverer sets equal, so the two steps repeat until nothing changes.
/// </summary>
public static class SitingPresolve
{
    /// <summary>The reduced problem of <paramref name="model"/>.</summary>
    public static ReducedSiting Reduce(PlanningModel model)
    {
        var weights = model.IntegerWeights();
        var alive = new bool[model.Sites.Count];
        for (var s = 0; s < alive.Length; s++) alive[s] = model.Covers[s].Length > 0;
        var coverers = ExactSiting.Coverers(model);
        while (true)
        {
            var (groupCoverers, groupWeights) = Group(coverers, weights, alive);
            var siteGroups = SiteGroups(groupCoverers, alive.Length);
            if (DropDominated(siteGroups, groupCoverers, alive) == 0)
                return Renumber(groupCoverers, groupWeights, alive);
        }
    }

    /// <summary>Elements grouped by their set of live coverers; elements with none are left out.</summary>
    private static (List<int[]> Coverers, List<long> Weights) Group(List<int>[] coverers, long[] weights, bool[] alive)
    {
        var index = new Dictionary<int[], int>(SetComparer.Instance);
        var groups = new List<int[]>();
        var sums = new List<long>();
        for (var e = 0; e < coverers.Length; e++)
        {
            var live = coverers[e].Where(s => alive[s]).ToArray();
            if (live.Length == 0) continue;
            if (index.TryGetValue(live, out var g)) sums[g] += weights[e];
            else
            {
                index[live] = groups.Count;
                groups.Add(live);
                sums.Add(weights[e]);
            }
        }
        return (groups, sums);
    }

    private static List<int>[] SiteGroups(List<int[]> groupCoverers, int siteCount)
    {
        var siteGroups = new List<int>[siteCount];
        for (var s = 0; s < siteCount; s++) siteGroups[s] = [];
        for (var g = 0; g < groupCoverers.Count; g++)
            foreach (var s in groupCoverers[g]) siteGroups[s].Add(g);
        return siteGroups;
    }

    /// <summary>
    /// Marks dominated sites dead and returns how many. A site is dominated when another live site covers all its
    /// groups; between two sites that cover the same groups the lower id stays, so one of them always survives.
    /// </summary>
    private static int DropDominated(List<int>[] siteGroups, List<int[]> groupCoverers, bool[] alive)
    {
        var dropped = 0;
        var mark = new int[groupCoverers.Count];
        var stamp = 0;
        for (var a = 0; a < alive.Length; a++)
        {
            if (!alive[a]) continue;
            var mine = siteGroups[a];
            stamp++;
            foreach (var g in mine) mark[g] = stamp;
            // Any site covering all of a's groups covers a's rarest group, so only its coverers need checking.
            var rarest = mine.MinBy(g => groupCoverers[g].Length);
            foreach (var b in groupCoverers[rarest])
            {
                if (b == a || !alive[b] || siteGroups[b].Count < mine.Count) continue;
                if (siteGroups[b].Count == mine.Count && b > a) continue;
                var shared = 0;
                foreach (var g in siteGroups[b])
                    if (mark[g] == stamp) shared++;
                if (shared < mine.Count) continue;
                alive[a] = false;
                dropped++;
                break;
            }
        }
        return dropped;
    }

    private static ReducedSiting Renumber(List<int[]> groupCoverers, List<long> groupWeights, bool[] alive)
    {
        var kept = Enumerable.Range(0, alive.Length).Where(s => alive[s]).ToArray();
        var local = new int[alive.Length];
        for (var i = 0; i < kept.Length; i++) local[kept[i]] = i;
        var coverers = groupCoverers.Select(c => c.Select(s => local[s]).ToArray()).ToArray();
        var siteGroups = SiteGroups([.. coverers], kept.Length).Select(g => g.ToArray()).ToArray();
        return new ReducedSiting(kept, coverers, [.. groupWeights], siteGroups, alive.Length - kept.Length);
    }

    /// <summary>Compares sorted site-id arrays by content.</summary>
    private sealed class SetComparer : IEqualityComparer<int[]>
    {
        public static readonly SetComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] set)
        {
            var hash = new HashCode();
            foreach (var s in set) hash.Add(s);
            return hash.ToHashCode();
        }
    }
}
