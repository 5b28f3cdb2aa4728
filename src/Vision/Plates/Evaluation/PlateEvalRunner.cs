using CityTwin.Vision.Plates.Detection;
using CityTwin.Vision.Plates.Reading;

namespace CityTwin.Vision.Plates.Evaluation;

/// <summary>
/// What <c>citytwin eval plates</c> does: load the truth, create the reader (and the detector with <c>detect</c>),
/// evaluate, and print the report. Errors in the inputs are written to <c>error</c> with exit code 1 or 2, never thrown.
/// </summary>
public static class PlateEvalRunner
{
    /// <summary>Runs one evaluation; returns the process exit code (0 done, 1 cannot read the inputs or model, 2 bad truth).</summary>
    public static int Run(string images, string truth, string? readerName, bool detect, PlateVisionOptions options, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(images))
        {
            error.WriteLine($"citytwin eval plates: image folder {images} does not exist.");
            return 1;
        }
        IReadOnlyList<PlateTruthEntry> entries;
        try
        {
            entries = PlateTruthLoader.Load(images, truth);
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine($"citytwin eval plates: {e.Message}");
            return 1;
        }
        catch (FormatException e)
        {
            error.WriteLine($"citytwin eval plates: bad truth: {e.Message}");
            return 2;
        }
        if (entries.Count == 0)
        {
            error.WriteLine($"citytwin eval plates: {truth} holds no plates.");
            return 2;
        }

        IPlateReader reader;
        try
        {
            reader = PlateReaderFactory.Create(options, readerName);
        }
        catch (PlateModelException e)
        {
            error.WriteLine($"citytwin eval plates: {e.Message}");
            return 1;
        }
        using (reader)
        using (var detector = detect ? PlateDetectorFactory.Create(options.Detector) : null)
        {
            // Vietnamese truth comes as the TSV, with layouts; OpenALPR's are foreign one-line plates.
            var vietnamese = entries.All(e => e.Box is null);
            var report = new PlateEvaluator(reader, detector).Evaluate(entries, vietnamese);
            output.WriteLine($"images {images}, truth {truth}");
            output.WriteLine(report.Format());
        }
        return 0;
    }
}
