using System.Diagnostics;
using CityTwin.Vision.Fire;
using CityTwin.Vision.Fire.Evaluation;
using CityTwin.Vision.Fire.Model;
using OpenCvSharp;

namespace CityTwin.Training.Fire;

/// <summary>
/// Featurises every patch of every training image once per variant (0 = the image as it is, 1.. = seeded
/// augmentations) into <c>features-v{n}.bin</c>, and the image names into <c>images.txt</c>; the head is then trained
/// from these files in seconds.
/// </summary>
public static class Featurizer
{
    public static int Run(string dataDirectory, string outDirectory, int variants, int seed, int threads)
    {
        var images = YoloFireLabels.ImagesIn(Path.Combine(dataDirectory, "images"));
        var labels = Path.Combine(dataDirectory, "labels");
        Directory.CreateDirectory(outDirectory);
        File.WriteAllLines(Path.Combine(outDirectory, "images.txt"), images.Select(Path.GetFileName)!);
        using var backbone = new FireBackbone(FireBackbone.DefaultPath, threads);
        var watch = Stopwatch.StartNew();
        for (var variant = 0; variant < variants; variant++)
        {
            var path = Path.Combine(outDirectory, $"features-v{variant}.bin");
            if (File.Exists(path)) { Console.WriteLine($"{path} exists, kept"); continue; }
            var temporary = path + ".tmp";
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                for (var i = 0; i < images.Count; i++)
                {
                    var boxes = YoloFireLabels.Read(YoloFireLabels.LabelPathFor(images[i], labels));
                    using var original = Cv2.ImRead(images[i], ImreadModes.Color);
                    if (original.Empty()) { Console.Error.WriteLine($"unreadable image {images[i]}, skipped"); continue; }
                    // Not HashCode.Combine: its seed changes with every process, and the augmentations must repeat.
                    var random = new Random(unchecked(seed * 1_000_003 + i * 97 + variant));
                    var (image, moved) = variant == 0 ? (original.Clone(), boxes) : Augmenter.Apply(original, boxes, random);
                    using (image)
                    {
                        for (var p = 0; p < FirePatchGrid.Patches.Count; p++)
                        {
                            var patch = FirePatchGrid.Patches[p];
                            var (sc, sb) = PatchLabels.Measure(moved, FireClass.Smoke, patch);
                            var (fc, fb) = PatchLabels.Measure(moved, FireClass.Fire, patch);
                            new PatchRecord(i, variant, p, sc, sb, fc, fb, backbone.Features(image, patch)).Write(writer);
                        }
                    }
                    if ((i + 1) % 50 == 0)
                        Console.WriteLine($"variant {variant}: {i + 1}/{images.Count} images, {watch.Elapsed.TotalSeconds:F0} s");
                }
            }
            File.Move(temporary, path, overwrite: true);
        }
        return 0;
    }
}
