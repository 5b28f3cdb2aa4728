using CityTwin.Twin.Plates;
using OpenCvSharp;
using OpenCvSharp.Text;

namespace CityTwin.Vision.Plates.Reading;

/// <summary>
/// The model-free fallback: Tesseract (through OpenCV's text module) in single-line mode with a plate whitelist. A
/// two-line crop (aspect below <see cref="PlateRectifier.TwoLineMaxAspect"/>) is split and read line by line.
/// Tesseract is only created when the tessdata folder exists, because OpenCV aborts the whole process otherwise.
/// </summary>
public sealed class TesseractPlateReader : IPlateReader
{
    private const string Whitelist = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int LineHeight = 64;
    private readonly OCRTesseract _tesseract;

    /// <summary>Creates the reader over <paramref name="tessdataPath"/> (with <c>eng.traineddata</c>).</summary>
    /// <exception cref="PlateModelException">The folder or its English data is missing.</exception>
    public TesseractPlateReader(string tessdataPath)
    {
        if (!File.Exists(Path.Combine(tessdataPath, "eng.traineddata")))
            throw new PlateModelException($"Tesseract data {Path.Combine(tessdataPath, "eng.traineddata")} does not exist (Debian package tesseract-ocr-eng).");
        // oem 3 = default engine, psm 7 = a single text line.
        _tesseract = OCRTesseract.Create(tessdataPath, "eng", Whitelist, 3, 7);
    }

    /// <inheritdoc />
    public string Name => "tesseract";

    /// <inheritdoc />
    public IReadOnlyList<PlateOcrResult> Read(IReadOnlyList<Mat> crops) => crops.Select(ReadOne).ToList();

    private PlateOcrResult ReadOne(Mat crop)
    {
        if (PlateRectifier.LayoutOf((double)crop.Cols / Math.Max(1, crop.Rows)) == PlateLayout.OneLine) return ReadLine(crop);
        var (top, bottom) = PlateLineSplitter.Split(crop);
        using (top)
        using (bottom)
        {
            var first = ReadLine(top);
            var second = ReadLine(bottom);
            return new PlateOcrResult($"{first.Text} {second.Text}".Trim(), [.. first.CharacterConfidences, .. second.CharacterConfidences]);
        }
    }

    private PlateOcrResult ReadLine(Mat line)
    {
        if (line.Rows < 4 || line.Cols < 4) return PlateOcrResult.Empty;
        using var binary = PlateLineSplitter.Binarize(line);
        ClearEdges(binary);
        // Tesseract wants dark text on white, about 30-60 px high, with a margin.
        Cv2.BitwiseNot(binary, binary);
        using var scaled = new Mat();
        var scale = (double)LineHeight / binary.Rows;
        Cv2.Resize(binary, scaled, new Size(Math.Max(8, (int)(binary.Cols * scale)), LineHeight), interpolation: InterpolationFlags.Cubic);
        using var padded = new Mat();
        Cv2.CopyMakeBorder(scaled, padded, 12, 12, 12, 12, BorderTypes.Constant, Scalar.White);
        _tesseract.Run(padded, out var text, out _, out var words, out var confidences, ComponentLevels.Word);
        var characters = string.Concat((text ?? "").Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        // Tesseract gives confidences per word (0-100); each character takes its word's.
        var wordConfidence = confidences is { Length: > 0 } ? Math.Clamp(confidences.Average() / 100f, 0f, 1f) : 0f;
        _ = words;
        return new PlateOcrResult(characters, Enumerable.Repeat(wordConfidence, characters.Length).ToList());
    }

    /// <summary>
    /// Erases ink connected to the crop's edge: the plate's frame and screws. Tesseract in line mode reads a frame
    /// around the text as noise and often returns nothing at all.
    /// </summary>
    private static void ClearEdges(Mat binary)
    {
        int rows = binary.Rows, cols = binary.Cols;
        for (var x = 0; x < cols; x++)
        {
            if (binary.At<byte>(0, x) != 0) Cv2.FloodFill(binary, new Point(x, 0), Scalar.Black);
            if (binary.At<byte>(rows - 1, x) != 0) Cv2.FloodFill(binary, new Point(x, rows - 1), Scalar.Black);
        }
        for (var y = 0; y < rows; y++)
        {
            if (binary.At<byte>(y, 0) != 0) Cv2.FloodFill(binary, new Point(0, y), Scalar.Black);
            if (binary.At<byte>(y, cols - 1) != 0) Cv2.FloodFill(binary, new Point(cols - 1, y), Scalar.Black);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _tesseract.Dispose();
}
