namespace CityTwin.Vision.Imaging.Network;

/// <summary>The C-STORE SCP (configuration section <c>CityTwin:Imaging:Scp</c>). It listens on 127.0.0.1 only.</summary>
public sealed class ScpOptions
{
    public const string Section = "CityTwin:Imaging:Scp";

    public bool Enabled { get; set; } = true;

    /// <summary>TCP port; 0 picks a free one (tests read <see cref="StoreScpService.LocalPort"/>).</summary>
    public int Port { get; set; } = 11112;

    /// <summary>The called AE title peers must use.</summary>
    public string AeTitle { get; set; } = "CITYTWIN";

    /// <summary>The largest P-DATA-TF PDU we accept (advertised as our maximum length received).</summary>
    public int MaxPduLength { get; set; } = 64 * 1024;

    /// <summary>Associations served at once; more are rejected as transient (local limit exceeded).</summary>
    public int MaxAssociations { get; set; } = 16;

    /// <summary>ARTIM: how long a new connection may take to send its A-ASSOCIATE-RQ.</summary>
    public TimeSpan AssociationRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an association may stay silent before it is aborted.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
