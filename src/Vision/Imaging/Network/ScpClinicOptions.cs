namespace CityTwin.Vision.Imaging.Network;

/// <summary>One clinic's SCP settings (<c>CityTwin:Imaging:Scp:Clinics:&lt;clinic id&gt;</c>).</summary>
public sealed class ScpClinicOptions
{
    /// <summary>Comma-separated CIDR blocks this clinic's AE titles are accepted from; empty refuses every address.</summary>
    public string AllowedAddresses { get; set; } = "";
}
