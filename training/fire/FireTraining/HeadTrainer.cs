using System.Globalization;
using System.Security.Cryptography;
using CityTwin.Vision.Fire;
using CityTwin.Vision.Fire.Model;
using CityTwin.Vision.Imaging.Model.Onnx;

namespace CityTwin.Training.Fire;

/// <summary>
/// Trains the head on the cached patch features. A fifth of the training images (whole source groups: all frames of
/// one video, all Roboflow copies of one photo) is held out; the head is trained on the rest, the epoch and the two
/// thresholds are chosen on the held-out images (image level, best F1), and the head is exported as ONNX with the
/// thresholds in its metadata. valid/ is never read here.
/// </summary>
public static class HeadTrainer
{
    private const int Hidden = 32;
    private const int Epochs = 40;
    private const int BatchSize = 64;

    public static int Run(string cache, string outDirectory, int seed)
    {
        var names = File.ReadAllLines(Path.Combine(cache, "images.txt"));
        var records = Directory.EnumerateFiles(cache, "features-v*.bin").Order().SelectMany(PatchRecord.ReadAll).ToList();
        Console.WriteLine($"{records.Count} patches from {records.Select(r => r.Variant).Distinct().Count()} variants of {names.Length} images");
        var heldOut = names.Select(n => Fnv(GroupOf(n)) % 5 == 0).ToArray();
        var train = records.Where(r => !heldOut[r.Image]).Select(Example).Where(e => e.Weight.Any(w => w > 0)).ToList();
        var check = records.Where(r => heldOut[r.Image] && r.Variant == 0).GroupBy(r => r.Image)
            .Select(g => g.OrderBy(r => r.Patch).ToList()).ToList();
        Console.WriteLine($"train {train.Count} patches; held out {check.Count} images ({heldOut.Count(h => h)} of {names.Length})");

        var random = new Random(seed);
        var mlp = new Mlp(train[0].X.Length, Hidden, 2, random);
        mlp.FitStandardisation(train.Select(e => e.X).ToList());
        (double F1, Mlp Model, float[] Thresholds, string Report)? best = null;
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            var order = train.OrderBy(_ => random.Next()).ToList();
            double loss = 0;
            var lr = 1e-3f * (epoch > 25 ? 0.3f : 1f);
            for (var i = 0; i < order.Count; i += BatchSize)
                loss += mlp.Step(order.Skip(i).Take(BatchSize).ToList(), lr, 1e-3f, 0.3f, random) * Math.Min(BatchSize, order.Count - i);
            var (f1, thresholds, report) = Tune(mlp, check);
            Console.WriteLine($"epoch {epoch} loss {loss / order.Count:F4} held-out {report}");
            if (best is null || f1 > best.Value.F1) best = (f1, Copy(mlp), thresholds, report);
        }
        var chosen = best!.Value;
        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, "fire-head.onnx");
        File.WriteAllBytes(path, Export(chosen.Model, chosen.Thresholds));
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        Console.WriteLine($"wrote {path} sha256 {sha}");
        Console.WriteLine($"held-out (train split, {check.Count} images): {chosen.Report}");
        return 0;
    }

    /// <summary>Best-F1 threshold per class on the held-out images; the score is the mean of the two F1s.</summary>
    private static (double F1, float[] Thresholds, string Report) Tune(Mlp mlp, List<List<PatchRecord>> images)
    {
        var scored = images.Select(patches => (Scores: patches.Select(p => mlp.Predict(p.Features)).ToList(), Whole: patches[0])).ToList();
        var thresholds = new float[2];
        var report = new List<string>();
        double sum = 0;
        foreach (var kind in new[] { FireClass.Smoke, FireClass.Fire })
        {
            var points = scored.Select(s => (Score: FirePatchDecision.ImageScore(s.Scores, kind),
                Truth: (kind == FireClass.Smoke ? s.Whole.SmokeBoxShare : s.Whole.FireBoxShare) > 0)).ToList();
            var (bestF1, bestT, p, r) = (-1.0, 0.5f, 0.0, 0.0);
            for (var t = 0.05f; t < 0.99f; t += 0.01f)
            {
                var tp = points.Count(x => x.Score >= t && x.Truth);
                var fp = points.Count(x => x.Score >= t && !x.Truth);
                var fn = points.Count(x => x.Score < t && x.Truth);
                var f1 = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
                if (f1 > bestF1) (bestF1, bestT, p, r) = (f1, t, tp / (double)Math.Max(1, tp + fp), tp / (double)Math.Max(1, tp + fn));
            }
            thresholds[(int)kind] = bestT;
            sum += bestF1;
            report.Add(string.Create(CultureInfo.InvariantCulture, $"{kind} F1 {bestF1:F3} P {p:F3} R {r:F3} at {bestT:F2}"));
        }
        return (sum / 2, thresholds, string.Join("; ", report));
    }

    /// <summary>Patch targets: positive when the class covers a quarter of the patch or most of one box lies in it;
    /// negative when it barely touches the patch; in between the patch teaches nothing (weight 0).</summary>
    private static (float[] X, float[] Target, float[] Weight) Example(PatchRecord r)
    {
        var target = new float[2];
        var weight = new float[2];
        Label(r.SmokeCover, r.SmokeBoxShare, out target[0], out weight[0]);
        Label(r.FireCover, r.FireBoxShare, out target[1], out weight[1]);
        return (r.Features, target, weight);
    }

    private static void Label(float cover, float boxShare, out float target, out float weight)
    {
        if (cover >= 0.25f || boxShare >= 0.6f) (target, weight) = (1, 1);
        else if (cover < 0.03f && boxShare < 0.15f) (target, weight) = (0, 1);
        else (target, weight) = (0, 0);
    }

    private static byte[] Export(Mlp mlp, float[] thresholds)
    {
        var (w1, b1) = mlp.FoldedFirstLayer();
        return new OnnxGraphBuilder()
            .Input(OnnxSmokeFireDetector.HeadInput, null, mlp.Inputs)
            .Initializer("fire_W1", [mlp.Inputs, mlp.Hidden], w1)
            .Initializer("fire_B1", [mlp.Hidden], b1)
            .Initializer("fire_W2", [mlp.Hidden, mlp.Outputs], mlp.W2)
            .Initializer("fire_B2", [mlp.Outputs], mlp.B2)
            .Node("Gemm", [OnnxSmokeFireDetector.HeadInput, "fire_W1", "fire_B1"], ["fire_hidden_linear"])
            .Node("Relu", ["fire_hidden_linear"], ["fire_hidden"])
            .Node("Gemm", ["fire_hidden", "fire_W2", "fire_B2"], ["fire_logits"])
            .Node("Sigmoid", ["fire_logits"], [OnnxSmokeFireDetector.HeadOutput])
            .Output(OnnxSmokeFireDetector.HeadOutput, null, mlp.Outputs)
            .Metadata(OnnxSmokeFireDetector.SmokeThresholdKey, thresholds[0].ToString("F2", CultureInfo.InvariantCulture))
            .Metadata(OnnxSmokeFireDetector.FireThresholdKey, thresholds[1].ToString("F2", CultureInfo.InvariantCulture))
            .Metadata("modelVersion", "1")
            .Build("citytwin_fire_head");
    }

    private static Mlp Copy(Mlp source)
    {
        var copy = new Mlp(source.Inputs, source.Hidden, source.Outputs, new Random(0))
        {
            W1 = (float[])source.W1.Clone(), B1 = (float[])source.B1.Clone(),
            W2 = (float[])source.W2.Clone(), B2 = (float[])source.B2.Clone(),
            Mean = (float[])source.Mean.Clone(), Std = (float[])source.Std.Clone(),
        };
        return copy;
    }

    /// <summary>The source an image came from: Roboflow copies share the part before ".rf.", video frames their video.</summary>
    public static string GroupOf(string name)
    {
        var stem = name.Split(".rf.")[0];
        var video = stem.IndexOf("_mp4", StringComparison.Ordinal);
        return video >= 0 ? stem[..video] : stem.Replace("_jpg", "", StringComparison.Ordinal);
    }

    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
