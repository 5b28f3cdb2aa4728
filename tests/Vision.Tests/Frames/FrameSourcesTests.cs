using CityTwin.Vision.Frames;
using OpenCvSharp;

namespace CityTwin.Vision.Tests.Frames;

/// <summary>A camera's configured location picks its frame source.</summary>
public sealed class FrameSourcesTests
{
    [Theory]
    [InlineData("rtsp://10.0.0.5:554/stream1", typeof(FfmpegStreamFrameSource))]
    [InlineData("http://10.0.0.6/video.mjpg", typeof(FfmpegStreamFrameSource))]
    [InlineData("/var/cameras/gate-2.mp4", typeof(VideoCaptureFrameSource))]
    public void Open_Location_PicksTheSourceThatCanReadIt(string location, Type expected)
    {
        Assert.IsType(expected, FrameSources.Open(location, "cam-1", new Size(1280, 720), DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Open_ExistingFolder_ReadsItsImages()
    {
        Assert.IsType<ImageFolderFrameSource>(FrameSources.Open(Path.GetTempPath(), "cam-1", new Size(1280, 720), DateTimeOffset.UnixEpoch));
    }
}
