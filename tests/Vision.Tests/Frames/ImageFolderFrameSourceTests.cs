using CityTwin.Vision.Frames;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Frames;

/// <summary>Image folders as frame sources, corrupt files included.</summary>
public sealed class ImageFolderFrameSourceTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("citytwin-images-").FullName;

    [Fact]
    public async Task ReadAsync_FolderWithACorruptJpeg_SkipsItCountedAndLogged()
    {
        using (var image = new Mat(60, 80, MatType.CV_8UC3, Scalar.Red)) Cv2.ImWrite(Path.Combine(_folder, "a.jpg"), image);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "b.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1, 2, 3]);
        using (var image = new Mat(60, 80, MatType.CV_8UC3, Scalar.Blue)) Cv2.ImWrite(Path.Combine(_folder, "c.png"), image);
        await File.WriteAllTextAsync(Path.Combine(_folder, "notes.txt"), "not an image");
        using var metrics = new VisionMetrics();
        var logger = new ListLogger();

        var frames = new List<VideoFrame>();
        await foreach (var frame in new ImageFolderFrameSource(_folder, "cam-folder", Start, TimeSpan.FromSeconds(1), metrics, logger).ReadAsync())
            frames.Add(frame);

        Assert.Equal([0L, 2L], frames.Select(f => f.Index));
        Assert.Equal(Start.AddSeconds(2), frames[1].Time);
        Assert.Equal(1, metrics.FramesCorrupt);
        Assert.Contains(logger.Lines, l => l.Contains("b.jpg could not be decoded"));
        foreach (var frame in frames) frame.Dispose();
    }

    [Fact]
    public async Task ReadAsync_MissingFolder_EndsWithoutFramesGivenUp()
    {
        using var metrics = new VisionMetrics();
        var source = new ImageFolderFrameSource(Path.Combine(_folder, "nope"), "cam-x", Start, TimeSpan.FromSeconds(1), metrics);

        await foreach (var frame in source.ReadAsync()) Assert.Fail($"unexpected frame {frame.Index}");
        Assert.Equal(1, metrics.SourcesGivenUp);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
