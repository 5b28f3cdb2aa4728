namespace CityTwin.Graph.DicomWeb;

/// <summary>STOW-RS limits (configuration section <c>CityTwin:Imaging:DicomWeb</c>).</summary>
public sealed class DicomWebOptions
{
    public const string Section = "CityTwin:Imaging:DicomWeb";

    /// <summary>
    /// The largest request body, all parts together (default 256 MiB); larger requests get 413. The body is read part by
    /// part, so a request holds at most three instances (<c>CityTwin:Imaging:MaxInstanceBytes</c> each) in memory at a
    /// time: the one being read and two being stored.
    /// </summary>
    public long MaxRequestBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Requests one API key may have in progress at once (default 2); more get 429.</summary>
    public int MaxConcurrentRequestsPerKey { get; set; } = 2;

    /// <summary>Requests in progress at once, all keys together (default 8): bounds memory to about 24 instances.</summary>
    public int MaxConcurrentRequests { get; set; } = 8;

    /// <summary>Requests one API key may start per minute, as a token bucket of that size (default 120; 0 turns it off).</summary>
    public int RequestsPerMinutePerKey { get; set; } = 120;
}
