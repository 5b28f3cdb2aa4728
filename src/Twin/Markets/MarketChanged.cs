using CityTwin.Twin.Events;

namespace CityTwin.Twin.Markets;

/// <summary>A market's totals changed (published on <see cref="TwinStreams.Markets"/> once the change is stored).</summary>
[GenerateSerializer, Alias("CityTwin.MarketChanged")]
public sealed record MarketChanged : TwinEvent
{
    /// <summary>The entity kind of market events (markets are not entities of <c>entityChanged</c>).</summary>
    public const string Kind = "market";

    [Id(0)] public required MarketTotals Totals { get; init; }
}
