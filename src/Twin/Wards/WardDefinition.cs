using CityTwin.Twin.Common;
using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Wards;

/// <summary>A ward by its official GSO code and name.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.WardDefinition")]
public sealed record WardDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string DistrictName,
    [property: Id(2)] string DistrictCode,
    [property: Id(3)] GeoPoint? LabelPoint)
{
    /// <summary>Throws <see cref="TwinValidationException"/> naming the ward and the first bad field.</summary>
    public void Validate(string code)
    {
        TwinValidationException.Require(IsGsoCode(code), $"ward '{code}': a GSO ward code is 5 digits");
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(Name), $"ward {code}: name is required");
        TwinValidationException.Require(LabelPoint is null || LabelPoint.Value.IsValid, $"ward {code}: label point {LabelPoint} is not a valid WGS84 position");
    }

    /// <summary>GSO commune-level codes are five digits.</summary>
    public static bool IsGsoCode(string code) => code.Length == 5 && code.All(char.IsAsciiDigit);
}
