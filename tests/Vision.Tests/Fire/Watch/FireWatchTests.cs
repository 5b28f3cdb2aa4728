using CityTwin.Testing;
using CityTwin.Vision.Fire;
using CityTwin.Vision.Fire.Evaluation;
using CityTwin.Vision.Fire.Model;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Fire.Watch;

/// <summary>
/// The watch on the committed model with real images of the shared fire set: K-of-N confirmation, exclusion masks,
/// fog and cloud that must raise nothing, and bad frames, masks and models that are counted while the watch goes on.
/// </summary>
public sealed class FireWatchTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 6, 0, 0, TimeSpan.FromHours(7));
    private readonly TestHeads _heads = new();

    [SkippableFact]
    public async Task Watch_SmokeHeldOverFrames_RaisesOneSmokeEventAtTheKthFrame()
    {
        using var smoke = SmokeImage();
        using var rig = new FireWatchRig();

        var raisedAt = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            using var frame = Jittered(smoke, i);
            if ((await rig.Watch.ProcessAsync(frame, Start.AddSeconds(i), default)).Any(e => e.Kind == FireClass.Smoke)) raisedAt.Add(i);
        }

        Assert.Equal([rig.Options.ConfirmFrames - 1], raisedAt);
        var raised = Assert.Single(rig.Sink.Events, e => e.Kind == FireClass.Smoke);
        Assert.Equal(FireWatchRig.Camera, raised.CameraId);
        Assert.Equal(Start.AddSeconds(rig.Options.ConfirmFrames - 1), raised.ObservedAt);
        Assert.Equal([0xFF, 0xD8], raised.SnapshotJpeg.Take(2));
        Assert.True(rig.Metrics.EventsRaised >= 1);
    }

    [SkippableFact]
    public async Task Watch_SmokeInOneFrameAmongFog_RaisesNothing()
    {
        using var smoke = SmokeImage();
        using var rig = new FireWatchRig();

        for (var i = 0; i < 6; i++)
        {
            using var frame = i == 2 ? Jittered(smoke, i) : FireFrames.Fog(i);
            await rig.Watch.ProcessAsync(frame, Start.AddSeconds(i), default);
        }

        Assert.Empty(rig.Sink.Events);
    }

    [Fact]
    public async Task Watch_GreyFogSequence_RaisesNothing()
    {
        using var rig = new FireWatchRig();
        for (var i = 0; i < 8; i++)
        {
            using var frame = FireFrames.Fog(i);
            await rig.Watch.ProcessAsync(frame, Start.AddSeconds(i), default);
        }
        Assert.Empty(rig.Sink.Events);
        Assert.Equal(8, rig.Metrics.FramesWatched);
    }

    [Fact]
    public async Task Watch_DriftingCloudSequence_RaisesNothing()
    {
        using var rig = new FireWatchRig();
        for (var i = 0; i < 8; i++)
        {
            using var frame = FireFrames.Clouds(i);
            await rig.Watch.ProcessAsync(frame, Start.AddSeconds(i), default);
        }
        Assert.Empty(rig.Sink.Events);
    }

    [SkippableFact]
    public async Task Watch_RealScenesWithoutSmokeOrFire_RaiseNothing()
    {
        // valid/ holds no image without smoke or fire, so these are train/'s class-1 scenes (seen in training).
        Skip.If(FireFrames.TrainDirectory is null, SharedData.Missing);
        using var rig = new FireWatchRig();
        var frameNumber = 0;
        foreach (var path in FireFrames.NothingImages(FireFrames.TrainDirectory!, 4))
        {
            using var scene = Cv2.ImRead(path);
            for (var i = 0; i < 4; i++)
            {
                using var frame = Jittered(scene, i);
                await rig.Watch.ProcessAsync(frame, Start.AddSeconds(frameNumber++), default);
            }
        }
        Assert.Empty(rig.Sink.Events);
    }

    [SkippableFact]
    public async Task Watch_SmokeUnderExclusionMask_RaisesNothing()
    {
        using var smoke = SmokeImage();
        using var rig = new FireWatchRig();
        rig.Masks.Polygons.Add([(0, 0), (1, 0), (1, 1), (0, 1)]);

        for (var i = 0; i < 5; i++)
        {
            using var frame = Jittered(smoke, i);
            await rig.Watch.ProcessAsync(frame, Start.AddSeconds(i), default);
        }

        Assert.Empty(rig.Sink.Events);
    }

    [SkippableFact]
    public async Task Watch_CorruptFramesAndInvalidMasks_CountedLoggedAndWatchGoesOn()
    {
        using var smoke = SmokeImage();
        using var rig = new FireWatchRig();
        rig.Masks.Polygons.Add([(0, 0), (1, 0)]);
        rig.Masks.Polygons.Add([(0, 0), (2, 0), (1, 1)]);

        using (var empty = new Mat())
        using (var grey = new Mat(200, 200, MatType.CV_8UC1, Scalar.All(128)))
        using (var tiny = new Mat(8, 8, MatType.CV_8UC3, Scalar.All(128)))
            foreach (var bad in new[] { empty, grey, tiny })
                Assert.Empty(await rig.Watch.ProcessAsync(bad, Start, default));
        for (var i = 0; i < 3; i++)
        {
            using var frame = Jittered(smoke, i);
            await rig.Watch.ProcessAsync(frame, Start.AddSeconds(i + 1), default);
        }

        Assert.Equal(3, rig.Metrics.FramesRejected);
        Assert.Equal(6, rig.Metrics.InvalidMasks);
        Assert.Contains(rig.Log.Lines, l => l.Contains("rejected") && l.Contains("empty"));
        Assert.Contains(rig.Log.Lines, l => l.Contains("mask 1 ignored") && l.Contains("outside 0..1"));
        Assert.Single(rig.Sink.Events, e => e.Kind == FireClass.Smoke);
    }

    [Fact]
    public async Task Watch_ModelWithWrongOutputShape_CountsDetectorFailureAndGoesOn()
    {
        var detector = new OnnxSmokeFireDetector(_heads.Write("liar", doubledRows: true), FireBackbone.DefaultPath);
        using var rig = new FireWatchRig(detector: detector);

        for (var i = 0; i < 3; i++)
        {
            using var frame = FireFrames.Fog(i);
            Assert.Empty(await rig.Watch.ProcessAsync(frame, Start.AddSeconds(i), default));
        }

        Assert.Equal(3, rig.Metrics.DetectorFailures);
        Assert.Contains(rig.Log.Lines, l => l.Contains("detector failed") && l.Contains("gave [28,2], expected [14,2]"));
    }

    public void Dispose() => _heads.Dispose();

    private static Mat SmokeImage()
    {
        Skip.If(FireFrames.ValidDirectory is null, SharedData.Missing);
        return Cv2.ImRead(FireFrames.LargestSmokeImage(FireFrames.ValidDirectory!));
    }

    /// <summary>The same scene as a camera sees it a moment later: a pixel or two of shake, a little brightness change.</summary>
    private static Mat Jittered(Mat scene, int frame)
    {
        var shifted = new Mat();
        using var m = Mat.FromPixelData(2, 3, MatType.CV_64FC1, new double[] { 1, 0, frame % 3 - 1, 0, 1, frame % 2 });
        Cv2.WarpAffine(scene, shifted, m, scene.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
        shifted.ConvertTo(shifted, MatType.CV_8UC3, 1, frame * 2 - 4);
        return shifted;
    }
}
