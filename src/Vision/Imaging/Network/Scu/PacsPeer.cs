namespace CityTwin.Vision.Imaging.Network.Scu;

/// <summary>A remote DICOM application entity the SCU talks to, and how long it may take at each step.</summary>
/// <param name="Host">Host name or address (loopback in tests).</param>
/// <param name="Port">Its DICOM port.</param>
/// <param name="CalledAeTitle">The peer's AE title.</param>
/// <param name="CallingAeTitle">Ours, as the peer knows us.</param>
public sealed record PacsPeer(string Host, int Port, string CalledAeTitle, string CallingAeTitle)
{
    /// <summary>TCP connect.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Each answer: A-ASSOCIATE-AC/RJ, a C-STORE-RSP, A-RELEASE-RP.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest PDU we receive (advertised in the A-ASSOCIATE-RQ).</summary>
    public int MaxPduLength { get; init; } = 64 * 1024;
}
