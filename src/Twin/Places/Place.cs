using CityTwin.Twin.Common;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;

namespace CityTwin.Twin.Places;

/// <summary>Where a store, school or clinic is: its name, ward and position.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.Place")]
public sealed record Place(
    [property: Id(0)] string Name,
    [property: Id(1)] string WardCode,
    [property: Id(2)] GeoPoint Location)
{
    /// <summary>Checks the fields and that the ward exists; the message names the entity and the reason.</summary>
    public async Task ValidateAsync(IGrainFactory grains, string entityKind, string id)
    {
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(Name) && Name.Length <= 200, $"{entityKind} {id}: a name of 1..200 characters is required");
        TwinValidationException.Require(Location.IsValid, $"{entityKind} {id}: location {Location} is not a valid WGS84 position");
        TwinValidationException.Require(WardDefinition.IsGsoCode(WardCode), $"{entityKind} {id}: ward code '{WardCode}' is not a 5-digit GSO code");
        TwinValidationException.Require(await grains.GetGrain<IWardGrain>(WardCode).GetAsync() is not null,
            $"{entityKind} {id}: unknown ward code '{WardCode}'");
    }
}
