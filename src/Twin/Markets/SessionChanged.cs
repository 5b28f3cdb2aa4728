using CityTwin.Twin.Events;

namespace CityTwin.Twin.Markets;

/// <summary>A livestream session's totals changed; <see cref="TwinEvent.EntityId"/> is the market, <see cref="Totals"/> names the session.</summary>
[GenerateSerializer, Alias("CityTwin.SessionChanged")]
public sealed record SessionChanged : TwinEvent
{
    [Id(0)] public required SessionTotals Totals { get; init; }
    [Id(1)] public required string Platform { get; init; }
}
