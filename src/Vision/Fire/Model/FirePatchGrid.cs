namespace CityTwin.Vision.Fire.Model;

/// <summary>
/// The patches the detector scores in every frame, in normalised coordinates: the whole frame, a 2×2 grid of
/// overlapping 60% patches and a 3×3 grid of overlapping 40% patches. The fine patches give each detection a region;
/// the whole frame catches smoke that fills the view. Training and inference use this one grid.
/// </summary>
public static class FirePatchGrid
{
    /// <summary>The 14 patches, coarse to fine.</summary>
    public static IReadOnlyList<NormalizedBox> Patches { get; } = Build();

    /// <summary>The scale level of a patch: 0 = whole frame, 1 = 2×2, 2 = 3×3.</summary>
    public static int LevelOf(int patchIndex) => patchIndex == 0 ? 0 : patchIndex < 5 ? 1 : 2;

    private static NormalizedBox[] Build()
    {
        var patches = new List<NormalizedBox> { new(0, 0, 1, 1) };
        foreach (var y in new[] { 0.0, 0.4 })
            foreach (var x in new[] { 0.0, 0.4 })
                patches.Add(new NormalizedBox(x, y, 0.6, 0.6));
        foreach (var y in new[] { 0.0, 0.3, 0.6 })
            foreach (var x in new[] { 0.0, 0.3, 0.6 })
                patches.Add(new NormalizedBox(x, y, 0.4, 0.4));
        return [.. patches];
    }
}
