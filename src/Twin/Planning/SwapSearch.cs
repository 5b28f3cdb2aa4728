namespace CityTwin.Twin.Planning;

/// <summary>
/// Improves a choice of sites by swaps: take one chosen site out and another in when that covers more weight, best swap
/// first, until no swap helps. Each pass costs one sweep over the coverage pairs, so it runs in milliseconds on the
/// reduced problem and gives the exact solvers a better start than greedy.
/// </summary>
public static class SwapSearch
{
    /// <summary>The improved choice (kept-site indices of <paramref name="problem"/>); never worse than <paramref name="start"/>.</summary>
    public static int[] Improve(ReducedSiting problem, IReadOnlyCollection<int> start, TimeSpan budget, CancellationToken cancellationToken = default)
    {
        var until = DateTime.UtcNow + budget;
        var chosen = start.ToList();
        var inPlan = new bool[problem.Sites.Length];
        var count = new int[problem.GroupWeights.Length];
        // XOR of the chosen coverers of each group: where the count is 1 it is that one site, without a scan.
        var xor = new int[problem.GroupWeights.Length];
        foreach (var s in chosen) Toggle(problem, inPlan, count, xor, s, true);
        var loss = new long[problem.Sites.Length];
        var bonus = new long[problem.Sites.Length];
        while (DateTime.UtcNow < until && !cancellationToken.IsCancellationRequested)
        {
            // What each chosen site alone covers: lost when it is swapped out.
            Array.Clear(loss);
            for (var g = 0; g < count.Length; g++)
                if (count[g] == 1) loss[xor[g]] += problem.GroupWeights[g];
            var (bestGain, bestOut, bestIn) = (0L, -1, -1);
            for (var a = 0; a < problem.Sites.Length; a++)
            {
                if (inPlan[a]) continue;
                long fresh = 0;
                foreach (var g in problem.SiteGroups[a])
                {
                    if (count[g] == 0) fresh += problem.GroupWeights[g];
                    else if (count[g] == 1) bonus[xor[g]] += problem.GroupWeights[g];
                }
                foreach (var r in chosen)
                {
                    var gain = fresh + bonus[r] - loss[r];
                    if (gain > bestGain) (bestGain, bestOut, bestIn) = (gain, r, a);
                    bonus[r] = 0;
                }
            }
            if (bestOut < 0) break;
            chosen[chosen.IndexOf(bestOut)] = bestIn;
            Toggle(problem, inPlan, count, xor, bestOut, false);
            Toggle(problem, inPlan, count, xor, bestIn, true);
        }
        return [.. chosen];
    }

    private static void Toggle(ReducedSiting problem, bool[] inPlan, int[] count, int[] xor, int site, bool take)
    {
        inPlan[site] = take;
        foreach (var g in problem.SiteGroups[site])
        {
            count[g] += take ? 1 : -1;
            xor[g] ^= site;
        }
    }
}
