using CityTwin.Twin.Cameras;
using CityTwin.Vision.Fire;

namespace CityTwin.Graph.Fire;

/// <summary>The masks operators drew with <c>setCameraExclusionMasks</c>, as the fire watch asks for them per frame.</summary>
public sealed class StoredExclusionMasks(ExclusionMaskCatalog catalog) : IExclusionMaskSource
{
    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<(double X, double Y)>> MasksFor(string cameraId) => catalog.MasksFor(cameraId);
}
