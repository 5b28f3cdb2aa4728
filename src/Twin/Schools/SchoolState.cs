using CityTwin.Twin.Places;

namespace CityTwin.Twin.Schools;

/// <summary>The live state of a school.</summary>
[GenerateSerializer, Alias("CityTwin.SchoolState")]
public sealed class SchoolState
{
    [Id(0)] public Place Place { get; set; } = new("", "", default);
    [Id(1)] public SchoolLevel Level { get; set; }
    [Id(2)] public int Pupils { get; set; }
    [Id(3)] public int Teachers { get; set; }
    /// <summary>Remote classes this school hosted or joined.</summary>
    [Id(4)] public int RemoteClasses { get; set; }
    [Id(5)] public List<string> AppliedClassIds { get; set; } = [];
}
