namespace CityTwin.Twin.Importers;

/// <summary>What to import and how: the file, its format, the target layer and the overrides for real-world files.</summary>
/// <param name="Format">How the file is encoded.</param>
/// <param name="Layer">The table the features go to.</param>
/// <param name="FilePath">The file (for a shapefile, the .shp).</param>
public sealed record ImportOptions(ImportFormat Format, ImportLayer Layer, string FilePath)
{
    /// <summary>Default for <see cref="MaxMegabytes"/>: large enough for a city's layers, small enough to stay in memory.</summary>
    public const double DefaultMaxMegabytes = 256;

    /// <summary>Write the valid features even when some are rejected (the rejected are still listed).</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>The SRID the coordinates are in (4326 or 32648); overrides what the file declares.</summary>
    public int? SourceSrid { get; init; }

    /// <summary>Files larger than this are refused before anything is read.</summary>
    public double MaxMegabytes { get; init; } = DefaultMaxMegabytes;

    /// <summary>The attribute that holds the feature id (roads, POIs, cameras), instead of the defaults.</summary>
    public string? IdField { get; init; }

    /// <summary>The attribute that holds the name, instead of the defaults.</summary>
    public string? NameField { get; init; }

    /// <summary>The attribute that holds the ward or district code, instead of the defaults.</summary>
    public string? CodeField { get; init; }

    /// <summary>The POI category for every feature; without it each feature's <c>Type</c> is used.</summary>
    public string? Category { get; init; }

    /// <summary>
    /// Name of the dataset that road and POI ids belong to (stored as <c>dataset:id</c>); default the file name
    /// without extension. Two files with the same dataset name update the same rows.
    /// </summary>
    public string? Dataset { get; init; }

    /// <summary>The GeoPackage feature table, when the file has more than one.</summary>
    public string? Table { get; init; }
}
