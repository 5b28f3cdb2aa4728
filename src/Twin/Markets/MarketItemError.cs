namespace CityTwin.Twin.Markets;

/// <summary>Why one item of a batch was refused: its kind (order, session, retailer), its index in that list, a code and a reason.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.MarketItemError")]
public sealed record MarketItemError(
    [property: Id(0)] string Item,
    [property: Id(1)] int Index,
    [property: Id(2)] string Code,
    [property: Id(3)] string Message);
