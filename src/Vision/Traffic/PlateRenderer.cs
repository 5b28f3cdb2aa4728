using CityTwin.Twin.Plates;
using OpenCvSharp;

namespace CityTwin.Vision.Traffic;

/// <summary>
/// Draws a plate as the street sees it: a white (or yellow, for commercial cars) plate with a black border and tall,
/// condensed black characters. OpenCV's Hershey fonts are wide, so each line is drawn on its own canvas and then
/// squeezed into its place, which gives the narrow plate lettering.
/// </summary>
public static class PlateRenderer
{
    /// <summary>A one-line plate is 520×110 mm; rendered at that many pixels.</summary>
    public static readonly Size OneLineSize = new(520, 110);

    /// <summary>A two-line motorbike plate is about 190×140 mm; rendered at 280×200.</summary>
    public static readonly Size TwoLineSize = new(280, 200);

    /// <summary>The plate image (BGR) of <paramref name="plate"/>.</summary>
    public static Mat Render(PlateNumber plate, bool yellow)
    {
        var twoLine = plate.Layout == PlateLayout.TwoLine;
        var size = twoLine ? TwoLineSize : OneLineSize;
        var background = yellow ? new Scalar(40, 200, 245) : new Scalar(242, 242, 238);
        var image = new Mat(size, MatType.CV_8UC3, background);
        Cv2.Rectangle(image, new Rect(4, 4, size.Width - 8, size.Height - 8), Scalar.Black, 6);

        var display = plate.Display;
        if (twoLine)
        {
            var space = display.IndexOf(' ');
            DrawLine(image, display[..space], Centred(size.Width - 48, 5, 16, size.Height / 2 - 24), background);
            DrawLine(image, display[(space + 1)..], Centred(size.Width - 40, 6, size.Height / 2 + 6, size.Height / 2 - 24), background);
        }
        else
        {
            DrawLine(image, display, Centred(size.Width - 60, 10, 16, size.Height - 32), background);
        }
        return image;

        // Characters keep their width whatever their number: an older four-digit plate is narrower, not wider-lettered.
        Rect Centred(int fullWidth, int fullLength, int top, int height)
        {
            var text = top < size.Height / 2 && twoLine ? display[..display.IndexOf(' ')]
                : twoLine ? display[(display.IndexOf(' ') + 1)..] : display;
            var width = Math.Min(fullWidth, fullWidth * text.Length / fullLength);
            return new Rect((size.Width - width) / 2, top, width, height);
        }
    }

    private static void DrawLine(Mat plate, string text, Rect area, Scalar background)
    {
        const HersheyFonts font = HersheyFonts.HersheyDuplex;
        const double scale = 3.0;
        const int thickness = 9;
        var textSize = Cv2.GetTextSize(text, font, scale, thickness, out var baseline);
        using var canvas = new Mat(new Size(textSize.Width + 16, textSize.Height + baseline + 8), MatType.CV_8UC3, background);
        Cv2.PutText(canvas, text, new Point(8, textSize.Height + 4), font, scale, Scalar.Black, thickness, LineTypes.AntiAlias);
        // Crop the canvas to the ink so the characters fill their area top to bottom.
        using var gray = new Mat();
        Cv2.CvtColor(canvas, gray, ColorConversionCodes.BGR2GRAY);
        Cv2.Threshold(gray, gray, 100, 255, ThresholdTypes.BinaryInv);
        var ink = Cv2.BoundingRect(gray);
        using var tight = new Mat(canvas, ink);
        using var fitted = new Mat();
        Cv2.Resize(tight, fitted, area.Size, interpolation: InterpolationFlags.Area);
        using var target = new Mat(plate, area);
        fitted.CopyTo(target);
    }
}
