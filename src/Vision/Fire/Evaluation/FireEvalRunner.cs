using System.Globalization;
using CityTwin.Vision.Fire.Baseline;
using CityTwin.Vision.Fire.Model;
using OpenCvSharp;

namespace CityTwin.Vision.Fire.Evaluation;

/// <summary>
/// What <c>citytwin eval fire</c> does: the trained model ("own") and the colour-rule baseline over the same labelled
/// images, printed side by side, one line per class and detector (<c>smoke own F1 0.87 P 0.90 R 0.84</c>), then the
/// box-level lines and the speed. Bad inputs are one line on <c>error</c> and exit code 1 (2 for a bad label file).
/// </summary>
public static class FireEvalRunner
{
    public static int Run(string images, string labels, string headPath, string backbonePath, TextWriter output, TextWriter error)
    {
        foreach (var (what, directory) in new[] { ("image", images), ("label", labels) })
            if (!Directory.Exists(directory))
            {
                error.WriteLine($"citytwin eval fire: {what} folder {directory} does not exist.");
                return 1;
            }
        if (YoloFireLabels.ImagesIn(images).Count == 0)
        {
            error.WriteLine($"citytwin eval fire: {images} holds no images (jpg, jpeg, png, bmp).");
            return 1;
        }
        try
        {
            FireEvalResult own, baseline;
            using (var model = new OnnxSmokeFireDetector(headPath, backbonePath, intraOpThreads: 1))
                own = FireEvaluator.Evaluate("own", model, images, labels);
            using (var rules = new ColourRuleSmokeFireDetector())
                baseline = FireEvaluator.Evaluate("baseline", rules, images, labels);
            Print(output, images, own, baseline);
            return 0;
        }
        catch (FireModelException e)
        {
            error.WriteLine($"citytwin eval fire: {e.Message}");
            return 1;
        }
        catch (FormatException e)
        {
            error.WriteLine($"citytwin eval fire: bad label file: {e.Message}");
            return 2;
        }
        catch (OpenCVException e)
        {
            error.WriteLine($"citytwin eval fire: an image could not be read: {e.Message}");
            return 1;
        }
    }

    private static void Print(TextWriter output, string images, FireEvalResult own, FireEvalResult baseline)
    {
        output.WriteLine($"images {images}: {own.Images} read, {own.Unreadable} unreadable");
        foreach (var kind in new[] { FireClass.Smoke, FireClass.Fire })
            foreach (var result in new[] { own, baseline })
                output.WriteLine($"{Name(kind)} {result.Detector} {result.For(kind).FormatImageLevel()}");
        foreach (var kind in new[] { FireClass.Smoke, FireClass.Fire })
            foreach (var result in new[] { own, baseline })
                output.WriteLine($"{Name(kind)} {result.Detector} {result.For(kind).FormatBoxLevel()}");
        foreach (var result in new[] { own, baseline })
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"speed {result.Detector} {result.ImagesPerCoreSecond:0.0} images/s per core ({result.Images} images, {result.CpuSeconds:0.0} CPU s, {result.WallSeconds:0.0} s wall, {Environment.ProcessorCount} cores)"));
    }

    private static string Name(FireClass kind) => kind == FireClass.Smoke ? "smoke" : "fire";
}
