namespace CityTwin.Twin.Importers;

/// <summary>The file formats a city's GIS layers arrive in.</summary>
public enum ImportFormat
{
    /// <summary>A GeoJSON FeatureCollection (RFC 7946, or the 2008 dialect with a <c>crs</c> member).</summary>
    GeoJson = 0,
    /// <summary>An Esri shapefile: the .shp with its .dbf, and a .prj that names the coordinate system.</summary>
    Shapefile = 1,
    /// <summary>An OGC GeoPackage (SQLite) with one feature table, or the one named by the table option.</summary>
    GeoPackage = 2,
}
