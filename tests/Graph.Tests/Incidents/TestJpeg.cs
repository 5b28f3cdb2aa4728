using OpenCvSharp;

namespace CityTwin.Graph.Tests.Incidents;

/// <summary>A small real JPEG (encoded by OpenCV) for snapshots: a grey sky over a darker plume.</summary>
public static class TestJpeg
{
    public static byte[] Make(int width = 64, int height = 48)
    {
        using var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(200, 190, 180));
        Cv2.Circle(image, new Point(width / 2, height / 2), height / 4, new Scalar(90, 90, 90), -1);
        return image.ImEncode(".jpg");
    }
}
