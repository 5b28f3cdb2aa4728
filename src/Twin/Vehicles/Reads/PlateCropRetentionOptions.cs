namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>How long plate crops are kept (configuration section <c>CityTwin:PlateReads</c>).</summary>
public sealed class PlateCropRetentionOptions
{
    public const string Section = "CityTwin:PlateReads";

    /// <summary>
    /// Crops stored longer ago than this are deleted, except those of a plate that is on the watchlist now (the
    /// evidence of an open case). Zero or less keeps crops for ever.
    /// </summary>
    public TimeSpan CropRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the retention runs.</summary>
    public TimeSpan CropRetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
