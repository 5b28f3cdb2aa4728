namespace CityTwin.Vision.Imaging.Network;

/// <summary>The C-STORE SCP (configuration section <c>CityTwin:Imaging:Scp</c>). It listens on 127.0.0.1 only.</summary>
public sealed class ScpOptions
{
    public const string Section = "CityTwin:Imaging:Scp";

    public bool Enabled { get; set; } = true;

    /// <summary>TCP port of the plain listener; 0 picks a free one (tests read <see cref="StoreScpService.LocalPort"/>).</summary>
    public int Port { get; set; } = 11112;

    /// <summary>The called AE title peers must use.</summary>
    public string AeTitle { get; set; } = "CITYTWIN";

    /// <summary>The largest P-DATA-TF PDU we accept (advertised as our maximum length received).</summary>
    public int MaxPduLength { get; set; } = 64 * 1024;

    /// <summary>Associations served at once; more are rejected as transient (local limit exceeded).</summary>
    public int MaxAssociations { get; set; } = 16;

    /// <summary>
    /// Connections one source address may hold at once, negotiating or associated; more are closed on accept. This is
    /// what keeps one slow or hostile peer from taking every association slot.
    /// </summary>
    public int MaxConnectionsPerPeer { get; set; } = 4;

    /// <summary>
    /// Connections that have not yet sent their A-ASSOCIATE-RQ, all peers together. They do not take association slots;
    /// when there are more, the oldest is dropped, so silent sockets cannot starve a peer that speaks at once.
    /// </summary>
    public int MaxPendingConnections { get; set; } = 32;

    /// <summary>ARTIM: how long a new connection may take to send its A-ASSOCIATE-RQ.</summary>
    public TimeSpan AssociationRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an association may stay silent between PDUs before it is aborted.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one PDU may take from its first byte to its last (a 64 KiB PDU at this limit is 6.5 KiB/s): a peer
    /// that trickles bytes is aborted instead of holding its slot.
    /// </summary>
    public TimeSpan PduTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The slowest a DIMSE message may arrive once it has taken longer than <see cref="PduTimeout"/>, in bytes per second
    /// averaged over the message (default 8 KiB/s; 0 turns the check off). Small PDUs sent just in time count for little.
    /// </summary>
    public int MinTransferRate { get; set; } = 8 * 1024;

    /// <summary>The longest an association may last, however busy; then it is aborted (senders open a new one).</summary>
    public TimeSpan MaxAssociationDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Source addresses (comma-separated CIDR blocks, e.g. <c>127.0.0.0/8, ::1/128</c>) a clinic's AE titles are accepted
    /// from when <see cref="Clinics"/> names none for it. Empty: no address is allowed.
    /// </summary>
    public string AllowedAddresses { get; set; } = "127.0.0.0/8, ::1/128";

    /// <summary>Per clinic id: <c>CityTwin:Imaging:Scp:Clinics:&lt;id&gt;:AllowedAddresses</c>, replacing the default list.</summary>
    public Dictionary<string, ScpClinicOptions> Clinics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>DICOM TLS (PS3.15 B.1): a second listener, or the only one with <see cref="ScpTlsOptions.Only"/>.</summary>
    public ScpTlsOptions Tls { get; set; } = new();
}
