using System.Globalization;
using System.Security.Cryptography;
using CityTwin.Vision.Fire;
using CityTwin.Vision.Fire.Model;
using CityTwin.Vision.Imaging.Model.Onnx;

namespace CityTwin.Training.Fire;

/// <summary>
/// Trains the head on the cached patch features by k-fold cross-validation over source groups (all frames of one
/// video, all Roboflow copies of one photo fall in one fold): one member per fold is trained on the other folds, its
/// epoch chosen on its own fold; the thresholds are chosen on the pooled out-of-fold scores, so every training image
/// takes part in that choice while no member scores an image it was trained on. The exported head averages the
/// members' logits (one wider MLP). valid/ is never read here.
/// </summary>
public static class HeadTrainer
{
    private const int Hidden = 32;
    private const int Epochs = 40;
    private const int BatchSize = 64;

    public static int Run(string cache, string outDirectory, int seed, int folds)
    {
        var names = File.ReadAllLines(Path.Combine(cache, "images.txt"));
        var records = Directory.EnumerateFiles(cache, "features-v*.bin").Order().SelectMany(PatchRecord.ReadAll).ToList();
        Console.WriteLine($"{records.Count} patches from {records.Select(r => r.Variant).Distinct().Count()} variants of {names.Length} images");
        var foldOf = names.Select(n => (int)(Fnv(GroupOf(n)) % (uint)folds)).ToArray();
        var members = new List<Mlp>();
        var outOfFold = new List<ScoredImage>();
        for (var fold = 0; fold < folds; fold++)
        {
            var (member, scored) = TrainMember(records, foldOf, fold, new Random(seed + fold));
            members.Add(member);
            outOfFold.AddRange(scored);
        }
        var (_, thresholds, report) = Tune(outOfFold);
        var head = Mlp.AverageOfLogits(members);
        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, "fire-head.onnx");
        File.WriteAllBytes(path, Export(head, thresholds));
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        Console.WriteLine($"wrote {path} ({members.Count} members, {head.Hidden} hidden units) sha256 {sha}");
        Console.WriteLine($"out-of-fold (train split, {outOfFold.Count} images): {report}");
        return 0;
    }

    /// <summary>The scores of every patch of one image, and its whole-frame record (which holds the image's truth).</summary>
    private sealed record ScoredImage(IReadOnlyList<float[]> Scores, PatchRecord Whole);

    /// <summary>One member: trained on every fold but <paramref name="fold"/>, its epoch chosen on that fold.</summary>
    private static (Mlp Member, List<ScoredImage> HeldOut) TrainMember(List<PatchRecord> records, int[] foldOf, int fold, Random random)
    {
        var train = records.Where(r => foldOf[r.Image] != fold).Select(Example).Where(e => e.Weight.Any(w => w > 0)).ToList();
        var check = records.Where(r => foldOf[r.Image] == fold && r.Variant == 0).GroupBy(r => r.Image)
            .Select(g => g.OrderBy(r => r.Patch).ToList()).ToList();
        Console.WriteLine($"fold {fold}: train {train.Count} patches; held out {check.Count} images");
        var mlp = new Mlp(train[0].X.Length, Hidden, 2, random);
        mlp.FitStandardisation(train.Select(e => e.X).ToList());
        (double F1, Mlp Model, List<ScoredImage> Scored, string Report)? best = null;
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            var order = train.OrderBy(_ => random.Next()).ToList();
            double loss = 0;
            var lr = 1e-3f * (epoch > 25 ? 0.3f : 1f);
            for (var i = 0; i < order.Count; i += BatchSize)
                loss += mlp.Step(order.Skip(i).Take(BatchSize).ToList(), lr, 1e-3f, 0.3f, random) * Math.Min(BatchSize, order.Count - i);
            var scored = check.Select(patches => new ScoredImage(patches.Select(p => mlp.Predict(p.Features)).ToList(), patches[0])).ToList();
            var (f1, _, report) = Tune(scored);
            if (best is null || f1 > best.Value.F1) best = (f1, Copy(mlp), scored, $"epoch {epoch} loss {loss / order.Count:F4} {report}");
        }
        Console.WriteLine($"fold {fold}: chose {best!.Value.Report}");
        return (best.Value.Model, best.Value.Scored);
    }

    /// <summary>Best-F1 threshold per class on the held-out images; the score is the mean of the two F1s.</summary>
    private static (double F1, float[] Thresholds, string Report) Tune(IReadOnlyList<ScoredImage> scored)
    {
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
            .Metadata("modelVersion", "2")
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
