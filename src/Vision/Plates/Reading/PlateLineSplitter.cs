using OpenCvSharp;

namespace CityTwin.Vision.Plates.Reading;

/// <summary>
/// Splits a two-line plate crop into its top and bottom lines at the row, in the middle band, with the least ink
/// (dark pixels after Otsu). Readers that only read one line at a time (Tesseract) need it.
/// </summary>
public static class PlateLineSplitter
{
    /// <summary>The row between the two lines of <paramref name="crop"/>.</summary>
    public static int FindSplitRow(Mat crop)
    {
        using var binary = Binarize(crop);
        int from = binary.Rows * 3 / 10, to = binary.Rows * 7 / 10;
        var bestRow = binary.Rows / 2;
        var bestInk = int.MaxValue;
        using var rowInk = new Mat();
        // One column: the number of ink pixels (255 each) in every row.
        Cv2.Reduce(binary, rowInk, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_32S);
        for (var row = from; row <= to; row++)
        {
            var ink = rowInk.At<int>(row, 0) / 255;
            // Ties go to the row nearest the middle: a gap is usually centred.
            if (ink < bestInk || (ink == bestInk && Math.Abs(row - binary.Rows / 2) < Math.Abs(bestRow - binary.Rows / 2)))
            {
                bestInk = ink;
                bestRow = row;
            }
        }
        return bestRow;
    }

    /// <summary>The top and bottom line of <paramref name="crop"/>, as new images.</summary>
    public static (Mat Top, Mat Bottom) Split(Mat crop)
    {
        var row = FindSplitRow(crop);
        return (crop[new Rect(0, 0, crop.Cols, row)].Clone(), crop[new Rect(0, row, crop.Cols, crop.Rows - row)].Clone());
    }

    /// <summary>Dark characters as white (255) on black, whatever the plate's polarity.</summary>
    public static Mat Binarize(Mat crop)
    {
        var gray = new Mat();
        if (crop.Channels() == 1) crop.CopyTo(gray);
        else Cv2.CvtColor(crop, gray, ColorConversionCodes.BGR2GRAY);
        Cv2.Threshold(gray, gray, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        // Characters cover well under half a plate; more "ink" than background means the polarity was inverted.
        if (Cv2.CountNonZero(gray) > gray.Rows * gray.Cols / 2) Cv2.BitwiseNot(gray, gray);
        return gray;
    }
}
