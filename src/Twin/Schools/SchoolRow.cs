using CityTwin.Twin.Places;

namespace CityTwin.Twin.Schools;

/// <summary>The <c>schools</c> table.</summary>
public sealed class SchoolRow : PlaceRow
{
    public SchoolLevel Level { get; set; }
    public int Pupils { get; set; }
    public int Teachers { get; set; }
    public int RemoteClasses { get; set; }
    public List<string> AppliedClassIds { get; set; } = [];
}
