using System.Diagnostics;
using OpenCvSharp;

namespace CityTwin.Vision.Fire.Evaluation;

/// <summary>
/// Runs detectors over a folder of images with YOLO labels and tallies image-level and box-level hits per class.
/// Each detector runs on the calling thread, one image at a time, and its CPU time is measured on that thread's
/// process, so images per core-second are comparable between detectors.
/// </summary>
public static class FireEvaluator
{
    public static FireEvalResult Evaluate(string name, ISmokeFireDetector detector, string imagesDirectory, string labelsDirectory)
    {
        var smoke = new FireClassTally();
        var fire = new FireClassTally();
        int images = 0, unreadable = 0;
        double cpu = 0;
        var wall = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        foreach (var path in YoloFireLabels.ImagesIn(imagesDirectory))
        {
            var truth = YoloFireLabels.Read(YoloFireLabels.LabelPathFor(path, labelsDirectory));
            using var frame = Cv2.ImRead(path, ImreadModes.Color);
            if (frame.Empty()) { unreadable++; continue; }
            process.Refresh();
            var before = process.TotalProcessorTime;
            var detections = detector.Detect(frame);
            process.Refresh();
            cpu += (process.TotalProcessorTime - before).TotalSeconds;
            images++;
            foreach (var (kind, tally) in new[] { (FireClass.Smoke, smoke), (FireClass.Fire, fire) })
                tally.Add(detections.Where(d => d.Kind == kind).Select(d => d.Region).ToList(),
                    truth.Where(t => t.Kind == kind).Select(t => t.Box).ToList());
        }
        return new FireEvalResult(name, smoke, fire, images, unreadable, cpu, wall.Elapsed.TotalSeconds);
    }
}
