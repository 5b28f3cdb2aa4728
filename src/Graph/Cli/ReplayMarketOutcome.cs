namespace CityTwin.Graph.Cli;

/// <summary>What a replay sent, how long it took, and the market's totals and reconciliation read back afterwards.</summary>
public sealed record ReplayMarketOutcome(int EventsSent, TimeSpan Wall, int RetailerCount, int SessionCount, long OrderCount, long RevenueVnd, bool ReconciliationExact);
