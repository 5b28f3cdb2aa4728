namespace CityTwin.Twin.Importers;

/// <summary>
/// The outcome of one import. <see cref="Error"/> is set when the file as a whole could not be imported
/// (missing, too large, unreadable, database failure); otherwise the counts say what happened to each feature.
/// </summary>
public sealed record ImportResult
{
    /// <summary>The file that was imported.</summary>
    public required string File { get; init; }

    /// <summary>The target layer.</summary>
    public required ImportLayer Layer { get; init; }

    /// <summary>Why nothing was imported at all, or null.</summary>
    public string? Error { get; init; }

    /// <summary>Features read from the file.</summary>
    public int Read { get; init; }

    /// <summary>Features that passed every check.</summary>
    public int Accepted { get; init; }

    /// <summary>Every refused feature with its reason, in file order.</summary>
    public IReadOnlyList<RejectedFeature> Rejected { get; init; } = [];

    /// <summary>Rows created.</summary>
    public int Inserted { get; init; }

    /// <summary>Existing rows whose content changed.</summary>
    public int Updated { get; init; }

    /// <summary>Accepted features whose rows already held exactly this content.</summary>
    public int Unchanged { get; init; }

    /// <summary>True when the transaction committed (it may have changed nothing on a re-import).</summary>
    public bool Written { get; init; }

    /// <summary>Wall time of the whole import.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The SRID the coordinates were read in (4326, or 32648 when reprojected).</summary>
    public int SourceSrid { get; init; }

    /// <summary>CLI exit code: 0 everything written, 2 features rejected, 1 the import failed.</summary>
    public int ExitCode => Error is not null ? 1 : Rejected.Count > 0 ? 2 : 0;
}
