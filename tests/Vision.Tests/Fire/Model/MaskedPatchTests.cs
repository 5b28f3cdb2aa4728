using CityTwin.Vision.Fire.Model;
using CityTwin.Vision.Fire.Watch;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Fire.Model;

/// <summary>
/// The trained detector honours exclusion masks per patch: a patch lying largely under the masks is not scored (its
/// black band is an edge no training image had), while the others score exactly as they would without the mask.
/// </summary>
public sealed class MaskedPatchTests
{
    [SkippableFact]
    public void PatchScores_TopHalfMasked_MostlyMaskedPatchesScoreNothingOthersUnchanged()
    {
        Skip.If(FireFrames.ValidDirectory is null, "skipped: the shared fire dataset (valid/) is not present");
        using var detector = new OnnxSmokeFireDetector(OnnxSmokeFireDetector.DefaultHeadPath, FireBackbone.DefaultPath);
        using var smoke = Cv2.ImRead(FireFrames.LargestSmokeImage(FireFrames.ValidDirectory!));
        using var topHalf = ExclusionMask.Build([[(0, 0), (1, 0), (1, 0.5), (0, 0.5)]], (_, reason) => Assert.Fail(reason));
        using var visible = topHalf.Apply(smoke);

        var unmasked = detector.PatchScores(visible);
        var masked = detector.PatchScores(visible, topHalf);

        var patches = FirePatchGrid.Patches;
        var skipped = Enumerable.Range(0, patches.Count).Where(p => topHalf.MaskedShare(patches[p]) > OnnxSmokeFireDetector.MaxMaskedPatchShare).ToList();
        Assert.Equal([0, 1, 2, 5, 6, 7, 8, 9, 10], skipped);
        foreach (var p in skipped) Assert.Equal([0f, 0f], masked[p]);
        foreach (var p in Enumerable.Range(0, patches.Count).Except(skipped)) Assert.Equal(unmasked[p], masked[p]);
        Assert.Contains(skipped, p => unmasked[p][0] > 0.1f);
    }
}
