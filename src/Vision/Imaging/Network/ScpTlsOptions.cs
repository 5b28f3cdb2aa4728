namespace CityTwin.Vision.Imaging.Network;

/// <summary>
/// DICOM over TLS (<c>CityTwin:Imaging:Scp:Tls</c>): enabled when a certificate is configured. The certificate and its
/// private key are PEM files; the key file should be readable by the owner only (mode 0600).
/// </summary>
public sealed class ScpTlsOptions
{
    /// <summary>TLS port; 0 picks a free one (tests read <see cref="StoreScpService.TlsPort"/>). Default 2762 (PS3.15 B.1).</summary>
    public int Port { get; set; } = 2762;

    /// <summary>PEM certificate (chain) the SCP presents; unset: no TLS listener.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Serve only over TLS: the plain listener is not opened.</summary>
    public bool Only { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
