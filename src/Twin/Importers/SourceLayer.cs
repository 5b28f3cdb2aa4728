namespace CityTwin.Twin.Importers;

/// <summary>What a reader got from a file: the features, and the coordinate system the file itself declares.</summary>
/// <param name="Features">Every feature in file order.</param>
/// <param name="DeclaredSrid">The EPSG code the file names (GeoJSON <c>crs</c>, shapefile .prj, GeoPackage srs), if any.</param>
/// <param name="UnrecognisedCrs">A coordinate system the file names that maps to no EPSG code we know.</param>
internal sealed record SourceLayer(IReadOnlyList<ImportFeature> Features, int? DeclaredSrid, string? UnrecognisedCrs = null);
