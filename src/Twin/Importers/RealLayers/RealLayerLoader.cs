using CityTwin.Twin.Persistence;
using CityTwin.Twin.Wards;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Importers.RealLayers;

/// <summary>
/// Loads the real Thu Duc layers through the importer, in dependency order: the city outline, the 34 ward polygons
/// with population, the road network, and the portal cameras (which need the ward polygons to find their ward).
/// Each step is the ordinary idempotent import, so a second start changes nothing and only reads the files.
/// </summary>
public sealed class RealLayerLoader(IDbContextFactory<TwinDbContext> contexts, IWardLocator wards)
{
    /// <summary>One result per layer, in load order.</summary>
    public async Task<IReadOnlyList<ImportResult>> LoadAsync(string sharedRoot, CancellationToken cancellationToken = default)
    {
        var importer = new GisImporter(contexts);
        string File(string relative) => Path.Combine(sharedRoot, relative);
        var results = new List<ImportResult>
        {
            await importer.ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Districts, File(RealLayerFiles.CityOutline)), cancellationToken: cancellationToken),
            await importer.ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Wards, File(RealLayerFiles.Wards)) { SkipInvalid = true }, cancellationToken: cancellationToken),
            await importer.ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Roads, File(RealLayerFiles.Roads)) { SourceSrid = 32648 }, cancellationToken: cancellationToken),
        };
        var cameras = await PortalCameras.ToCameraLayerAsync(File(RealLayerFiles.PortalCameras), File(RealLayerFiles.PortalDirections), wards, cancellationToken);
        // The importer reads files (it checks size and format first), so the converted layer goes through one in temp.
        var converted = Path.Combine(Path.GetTempPath(), $"citytwin-portal-cameras-{Guid.NewGuid():N}.geojson");
        try
        {
            await System.IO.File.WriteAllTextAsync(converted, cameras, cancellationToken);
            results.Add(await importer.ImportAsync(
                new ImportOptions(ImportFormat.GeoJson, ImportLayer.Cameras, converted) { SkipInvalid = true, Dataset = "portal" }, cancellationToken: cancellationToken));
        }
        finally
        {
            System.IO.File.Delete(converted);
        }
        return results;
    }
}
