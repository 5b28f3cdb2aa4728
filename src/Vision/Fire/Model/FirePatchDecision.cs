namespace CityTwin.Vision.Fire.Model;

/// <summary>
/// Turns the head's per-patch scores into detections, the one rule shared by the product and the trainer's threshold
/// tuning: a class is present when its best patch reaches the class threshold; its region is the union of the finest
/// grid level's patches that reach it (the whole frame when only the whole frame does).
/// </summary>
public static class FirePatchDecision
{
    /// <summary>The image-level score of a class: its best patch.</summary>
    public static float ImageScore(IReadOnlyList<float[]> patchScores, FireClass kind) =>
        patchScores.Max(s => s[(int)kind]);

    public static IReadOnlyList<FireDetection> Decide(IReadOnlyList<float[]> patchScores, IReadOnlyList<NormalizedBox> patches,
        float smokeThreshold, float fireThreshold)
    {
        var detections = new List<FireDetection>();
        foreach (var kind in new[] { FireClass.Smoke, FireClass.Fire })
        {
            var threshold = kind == FireClass.Smoke ? smokeThreshold : fireThreshold;
            var score = ImageScore(patchScores, kind);
            if (score < threshold) continue;
            detections.Add(new FireDetection(kind, score, Region(patchScores, patches, kind, threshold)));
        }
        return detections;
    }

    private static NormalizedBox Region(IReadOnlyList<float[]> patchScores, IReadOnlyList<NormalizedBox> patches, FireClass kind, float threshold)
    {
        for (var level = 2; level >= 0; level--)
        {
            var hits = Enumerable.Range(0, patches.Count)
                .Where(i => FirePatchGrid.LevelOf(i) == level && patchScores[i][(int)kind] >= threshold)
                .Select(i => patches[i]).ToList();
            if (hits.Count == 0) continue;
            var x0 = hits.Min(p => p.X);
            var y0 = hits.Min(p => p.Y);
            var x1 = hits.Max(p => p.X + p.Width);
            var y1 = hits.Max(p => p.Y + p.Height);
            return new NormalizedBox(x0, y0, x1 - x0, y1 - y0);
        }
        return new NormalizedBox(0, 0, 1, 1);
    }
}
