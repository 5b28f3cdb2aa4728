namespace CityTwin.Twin.Markets;

/// <summary>An online-market event held by a market (a store of kind Market): its name, organiser and dates.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.MarketEventDefinition")]
public sealed record MarketEventDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Organiser,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] DateTimeOffset EndsAt);
