using CityTwin.Twin.Common;

namespace CityTwin.Twin.Cameras;

/// <summary>What an exclusion mask may be: a few polygons of image points inside the image.</summary>
public static class ExclusionMaskRules
{
    public const int MaxMasks = 32;
    public const int MinPoints = 3;
    public const int MaxPoints = 64;

    /// <summary>Throws <see cref="TwinValidationException"/> naming the camera, the mask and what is wrong.</summary>
    public static void Validate(string cameraId, IReadOnlyList<IReadOnlyList<ImagePoint>> masks)
    {
        TwinValidationException.Require(masks.Count <= MaxMasks, $"camera {cameraId}: at most {MaxMasks} exclusion masks");
        for (var i = 0; i < masks.Count; i++)
        {
            var mask = masks[i];
            TwinValidationException.Require(mask is not null && mask.Count is >= MinPoints and <= MaxPoints,
                $"camera {cameraId}: exclusion mask {i} must have {MinPoints}..{MaxPoints} points");
            foreach (var p in mask!)
                TwinValidationException.Require(double.IsFinite(p.X) && double.IsFinite(p.Y) && p.X is >= 0 and <= 1 && p.Y is >= 0 and <= 1,
                    $"camera {cameraId}: exclusion mask {i} has point ({p.X}, {p.Y}) outside the image (0..1)");
        }
    }
}
