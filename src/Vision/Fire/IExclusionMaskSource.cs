namespace CityTwin.Vision.Fire;

/// <summary>
/// Per-camera exclusion masks drawn by operators (sky, chimneys): polygons in normalised image coordinates; a
/// detection whose region lies mostly inside a mask is ignored.
/// </summary>
public interface IExclusionMaskSource { IReadOnlyList<IReadOnlyList<(double X, double Y)>> MasksFor(string cameraId); }
