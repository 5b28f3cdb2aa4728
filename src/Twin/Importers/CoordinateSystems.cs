using System.Text.RegularExpressions;
using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Importers;

/// <summary>
/// Recognises the coordinate systems files declare, and decides the SRID an import reads in.
/// Only WGS84 and UTM 48N are supported: they are what Vietnamese city layers come in, and
/// <see cref="MetricProjection"/> converts between them.
/// </summary>
internal static partial class CoordinateSystems
{
    /// <summary>The EPSG code in a GeoJSON 2008 <c>crs</c> name ("EPSG:32648", "urn:ogc:def:crs:EPSG::32648", "…OGC:1.3:CRS84").</summary>
    public static int? FromCrsName(string name)
    {
        if (name.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase)) return GeoFactory.Wgs84Srid;
        var match = EpsgName().Match(name);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The EPSG code of a .prj or GeoPackage WKT; ESRI WKT has no AUTHORITY, so UTM and WGS84 are also known by name.</summary>
    public static int? FromWkt(string wkt)
    {
        var authorities = EpsgAuthority().Matches(wkt);
        var isProjected = wkt.TrimStart().StartsWith("PROJCS", StringComparison.OrdinalIgnoreCase);
        // The last AUTHORITY belongs to the outermost system (a PROJCS lists its GEOGCS's first).
        if (authorities.Count > 0)
            return int.Parse(authorities[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // Only the datum tells WGS84 apart from VN-2000 (same ellipsoid, hundreds of metres off), so it must be named.
        var datum = DatumName().Match(wkt);
        if (!datum.Success || !IsWgs84Datum(datum.Groups[1].Value)) return null;
        if (!isProjected) return GeoFactory.Wgs84Srid;
        var utm = UtmName().Match(wkt.ToUpperInvariant().Replace(' ', '_'));
        if (!utm.Success) return null;
        var zone = int.Parse(utm.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (utm.Groups[2].Value == "N" ? 32600 : 32700) + zone;
    }

    private static bool IsWgs84Datum(string name) =>
        name.ToUpperInvariant().Replace(' ', '_') is "D_WGS_1984" or "WGS_1984" or "WGS84" or "WGS_84" or "WORLD_GEODETIC_SYSTEM_1984";

    /// <summary>The SRID to read in: the option, else what the file declares, else WGS84 as RFC 7946 says.</summary>
    public static int Resolve(ImportOptions options, SourceLayer source)
    {
        if (options.SourceSrid is null && source.UnrecognisedCrs is { } unknown)
            throw new ImportFileException(options.FilePath,
                $"unrecognised coordinate system '{Shorten(unknown)}'; pass --source-srid 4326 or 32648 if you know it");
        var srid = options.SourceSrid ?? source.DeclaredSrid ?? GeoFactory.Wgs84Srid;
        if (srid is not (GeoFactory.Wgs84Srid or MetricProjection.Utm48NSrid))
            throw new ImportFileException(options.FilePath,
                $"SRID {srid} is not supported: only {GeoFactory.Wgs84Srid} (WGS84) and {MetricProjection.Utm48NSrid} (UTM 48N)");
        return srid;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"EPSG:+(?:[\d.]*:)?(\d{4,5})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EpsgName();

    [GeneratedRegex(@"AUTHORITY\[\s*""EPSG""\s*,\s*""?(\d+)""?\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex EpsgAuthority();

    [GeneratedRegex(@"DATUM\[\s*""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex DatumName();

    [GeneratedRegex(@"UTM_ZONE_(\d{1,2})([NS])\b")]
    private static partial Regex UtmName();
}
