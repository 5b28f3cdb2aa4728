using System.Globalization;

namespace CityTwin.Vision.Fire.Evaluation;

/// <summary>Image-level and box-level counts of one detector on one class.</summary>
public sealed class FireClassTally
{
    public int TruePositives { get; private set; }
    public int FalsePositives { get; private set; }
    public int FalseNegatives { get; private set; }
    public int BoxesPredicted { get; private set; }
    public int BoxesPredictedMatched { get; private set; }
    public int BoxesTrue { get; private set; }
    public int BoxesTrueMatched { get; private set; }

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    public double F1 => TruePositives == 0 ? 0 : 2.0 * TruePositives / (2 * TruePositives + FalsePositives + FalseNegatives);
    public double BoxPrecision => Ratio(BoxesPredictedMatched, BoxesPredicted);
    public double BoxRecall => Ratio(BoxesTrueMatched, BoxesTrue);

    /// <summary>Counts one image: the class is present when it has a true box; boxes match at IoU ≥ 0.5.</summary>
    public void Add(IReadOnlyList<NormalizedBox> predicted, IReadOnlyList<NormalizedBox> truth)
    {
        var present = truth.Count > 0;
        var said = predicted.Count > 0;
        if (present && said) TruePositives++;
        else if (said) FalsePositives++;
        else if (present) FalseNegatives++;
        BoxesPredicted += predicted.Count;
        BoxesTrue += truth.Count;
        BoxesPredictedMatched += predicted.Count(p => truth.Any(t => IoU(p, t) >= 0.5));
        BoxesTrueMatched += truth.Count(t => predicted.Any(p => IoU(p, t) >= 0.5));
    }

    public string FormatImageLevel() => string.Create(CultureInfo.InvariantCulture,
        $"F1 {F1:0.00} P {Precision:0.00} R {Recall:0.00} (tp {TruePositives} fp {FalsePositives} fn {FalseNegatives})");

    public string FormatBoxLevel() => string.Create(CultureInfo.InvariantCulture,
        $"boxes P {BoxPrecision:0.00} R {BoxRecall:0.00} at IoU 0.5 ({BoxesPredicted} predicted, {BoxesTrue} true)");

    public static double IoU(NormalizedBox a, NormalizedBox b)
    {
        var w = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        var h = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        if (w <= 0 || h <= 0) return 0;
        var intersection = w * h;
        return intersection / (a.Width * a.Height + b.Width * b.Height - intersection);
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : a / (double)b;
}
