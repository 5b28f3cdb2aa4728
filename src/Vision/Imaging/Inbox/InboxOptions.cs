namespace CityTwin.Vision.Imaging.Inbox;

/// <summary>
/// The watched inbox folder (configuration section <c>CityTwin:Imaging:Inbox</c>): Part 10 files dropped there are
/// stored for <see cref="ClinicId"/>, then moved to <c>done/</c>, or to <c>rejected/</c> beside a <c>.reason.txt</c>.
/// </summary>
public sealed class InboxOptions
{
    public const string Section = "CityTwin:Imaging:Inbox";

    /// <summary>The folder to watch; unset turns the inbox off. Relative paths are under the repository root.</summary>
    public string? Path { get; set; }

    /// <summary>The clinic the files are from.</summary>
    public string? ClinicId { get; set; }

    /// <summary>How often the folder is scanned besides the file-system events (which can be lost).</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A file must be left unchanged this long before it is taken, so a copy still in progress is not.</summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromMilliseconds(500);
}
