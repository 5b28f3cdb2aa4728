using CityTwin.Twin.Places;

namespace CityTwin.Twin.Schools;

/// <summary>A school as registered, with its enrolment.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.SchoolDefinition")]
public sealed record SchoolDefinition(
    [property: Id(0)] Place Place,
    [property: Id(1)] SchoolLevel Level,
    [property: Id(2)] int Pupils,
    [property: Id(3)] int Teachers);
