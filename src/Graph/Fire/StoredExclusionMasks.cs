using CityTwin.Twin.Cameras;
using CityTwin.Vision.Fire;
using CityTwin.Vision.Fire.Watch;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Fire;

/// <summary>
/// The masks the fire watch honours for a camera: those operators drew with <c>setCameraExclusionMasks</c> (stored
/// with the camera) and those a site wrote in configuration (<c>CityTwin:Fire:Masks</c>), together.
/// </summary>
public sealed class StoredExclusionMasks(ExclusionMaskCatalog catalog, IOptionsMonitor<FireWatchOptions> options) : IExclusionMaskSource
{
    private readonly ConfiguredExclusionMasks configured = new(options);

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<(double X, double Y)>> MasksFor(string cameraId)
    {
        var stored = catalog.MasksFor(cameraId);
        var fromSettings = configured.MasksFor(cameraId);
        return fromSettings.Count == 0 ? stored : [.. stored, .. fromSettings];
    }
}
