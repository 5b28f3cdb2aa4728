using CityTwin.Vision.Fire;
using CityTwin.Vision.Fire.Evaluation;

namespace CityTwin.Training.Fire;

/// <summary>How much of each class a patch holds, from the image's boxes rasterised on a fine grid.</summary>
public static class PatchLabels
{
    private const int Cells = 96;

    public static (float Cover, float BoxShare) Measure(IReadOnlyList<LabelledBox> boxes, FireClass kind, NormalizedBox patch)
    {
        var ofKind = boxes.Where(b => b.Kind == kind).Select(b => b.Box).ToList();
        if (ofKind.Count == 0) return (0, 0);
        int inside = 0, total = 0;
        for (var cy = 0; cy < Cells; cy++)
        {
            var y = (cy + 0.5) / Cells;
            if (y < patch.Y || y >= patch.Y + patch.Height) continue;
            for (var cx = 0; cx < Cells; cx++)
            {
                var x = (cx + 0.5) / Cells;
                if (x < patch.X || x >= patch.X + patch.Width) continue;
                total++;
                if (ofKind.Any(b => x >= b.X && x < b.X + b.Width && y >= b.Y && y < b.Y + b.Height)) inside++;
            }
        }
        var share = ofKind.Max(b => Intersection(b, patch) / Math.Max(1e-9, b.Width * b.Height));
        return (total == 0 ? 0 : (float)inside / total, (float)share);
    }

    private static double Intersection(NormalizedBox a, NormalizedBox b)
    {
        var w = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        var h = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        return w > 0 && h > 0 ? w * h : 0;
    }
}
