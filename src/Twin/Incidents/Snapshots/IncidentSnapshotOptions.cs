namespace CityTwin.Twin.Incidents.Snapshots;

/// <summary>Where incident snapshots are kept (configuration section <c>CityTwin:Incidents</c>).</summary>
public sealed class IncidentSnapshotOptions
{
    public const string Section = "CityTwin:Incidents";

    /// <summary>The folder, relative to the working directory unless absolute.</summary>
    public string SnapshotRoot { get; set; } = Path.Combine(".data", "incident-snapshots");
}
