using CityTwin.Twin.Plates;
using OpenCvSharp;

namespace CityTwin.Vision.Plates;

/// <summary>A plate found and read in one frame, before tracking: its box, layout, the reader's result and its plate when the grammar accepts it.</summary>
public sealed record PlateFrameRead(Rect Box, PlateLayout Layout, Reading.PlateOcrResult Ocr, PlateNumber? Plate, Mat Crop) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Crop.Dispose();
}
