namespace CityTwin.Vision.Imaging.Reading;

/// <summary>Which reader a host runs (<see cref="ReaderChoice"/>).</summary>
public enum ReaderKind
{
    /// <summary>The site's model from <c>CityTwin:Imaging:Model</c>.</summary>
    SiteModel,
    /// <summary>The demo model: ResNet18 with a random head, never clinical.</summary>
    Demo,
    /// <summary>No model: studies are stored and stay unread.</summary>
    Unread,
}
