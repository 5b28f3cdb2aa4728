namespace CityTwin.Twin.Markets;

/// <summary>What a market grain loads on activation: the event, its retailers, its sessions and totals.</summary>
internal sealed record MarketSnapshot(
    MarketEventDefinition Event,
    MarketTotals Totals,
    IReadOnlySet<string> Retailers,
    IReadOnlyDictionary<string, MarketSessionDefinition> Sessions,
    IReadOnlyDictionary<string, SessionTotals> SessionTotals);
