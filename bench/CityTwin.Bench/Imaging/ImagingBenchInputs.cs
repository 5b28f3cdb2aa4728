using CityTwin.Twin.Persistence;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// What every imaging bench mode needs: the real NIH chest X-ray (<c>--file</c>, else from <c>CITYTWIN_SHARED</c>,
/// default <c>../shared</c>) and an admin database connection (<c>--db</c>, else <c>CITYTWIN_DB</c>).
/// </summary>
internal static class ImagingBenchInputs
{
    private const string NihChestXray = "1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888.dcm";

    /// <summary>The file and database to use, or null after saying on stderr what is missing.</summary>
    public static (string File, string Database)? Resolve(string? file, string? database)
    {
        var shared = Environment.GetEnvironmentVariable("CITYTWIN_SHARED") is { Length: > 0 } root ? root : Path.Combine("..", "shared");
        var dicom = file ?? Path.Combine(shared, "data", "dicom", "nih_chest_xray_nccid", NihChestXray);
        var admin = database ?? Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable);
        if (File.Exists(dicom) && !string.IsNullOrWhiteSpace(admin)) return (dicom, admin);
        Console.Error.WriteLine($"needs the chest X-ray ({dicom}) and a database (--db or CITYTWIN_DB; scripts/pg start prints one)");
        return null;
    }
}
