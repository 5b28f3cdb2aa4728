using System.Diagnostics;

namespace CityTwin.Twin.Planning;

/// <summary>
/// The greedy heuristic beside the exact solve: repeatedly take the site that adds the most uncovered weight. Gains only
/// shrink as sites are taken, so a stale gain at the head of the queue is recomputed instead of rescanning every site.
/// </summary>
public static class GreedySiting
{
    /// <summary>Up to <paramref name="count"/> sites, stopping early when no site adds anything.</summary>
    public static SiteChoice Choose(PlanningModel model, int count, ISet<int>? fixedSites = null)
    {
        var watch = Stopwatch.StartNew();
        var weights = model.IntegerWeights();
        var covered = new bool[model.Elements.Count];
        var chosen = new List<int>();
        var gains = new List<double>();
        var queue = new PriorityQueue<int, (long Gain, int Site)>(Comparer<(long Gain, int Site)>.Create((a, b) =>
            a.Gain != b.Gain ? b.Gain.CompareTo(a.Gain) : a.Site.CompareTo(b.Site)));
        for (var site = 0; site < model.Sites.Count; site++)
            if (fixedSites is null || !fixedSites.Contains(site))
                queue.Enqueue(site, (Gain(model, weights, covered, site), site));
        double total = 0;
        while (chosen.Count < count && queue.TryDequeue(out var site, out var stale))
        {
            var gain = Gain(model, weights, covered, site);
            if (gain < stale.Gain && queue.TryPeek(out _, out var next) && (gain < next.Gain || (gain == next.Gain && site > next.Site)))
            {
                queue.Enqueue(site, (gain, site));
                continue;
            }
            if (gain <= 0) break;
            foreach (var element in model.Covers[site]) covered[element] = true;
            chosen.Add(site);
            gains.Add(gain / 10d);
            total += gain / 10d;
        }
        return new SiteChoice(chosen, gains, total, null, false, watch.Elapsed);
    }

    private static long Gain(PlanningModel model, long[] weights, bool[] covered, int site)
    {
        long gain = 0;
        foreach (var element in model.Covers[site])
            if (!covered[element]) gain += weights[element];
        return gain;
    }
}
