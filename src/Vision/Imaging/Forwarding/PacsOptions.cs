using CityTwin.Vision.Imaging.Network.Scu;

namespace CityTwin.Vision.Imaging.Forwarding;

/// <summary>
/// The clinic's PACS that received studies and their AI reports are forwarded to (configuration section
/// <c>CityTwin:Imaging:Pacs</c>). Forwarding is off while <see cref="Host"/> is unset.
/// </summary>
public sealed class PacsOptions
{
    public const string Section = "CityTwin:Imaging:Pacs";

    public string? Host { get; set; }

    public int Port { get; set; } = 104;

    /// <summary>The PACS's AE title.</summary>
    public string CalledAeTitle { get; set; } = "PACS";

    /// <summary>Ours, as the PACS knows us.</summary>
    public string CallingAeTitle { get; set; } = "CITYTWIN";

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long each answer (association, C-STORE-RSP, release) may take.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per item before it is dead-lettered (the first one included).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Back-off before the first retry; it doubles (with jitter) up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often new receipts and readings are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Items sent at once (each on its own association).</summary>
    public int Concurrency { get; set; } = 2;

    public bool ForwardImages { get; set; } = true;

    public bool ForwardReports { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && Port > 0;

    public PacsPeer Peer() => new(Host!, Port, CalledAeTitle, CallingAeTitle) { ConnectTimeout = ConnectTimeout, ResponseTimeout = ResponseTimeout };
}
