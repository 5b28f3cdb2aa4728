namespace CityTwin.Twin.Markets;

/// <summary>What the ledger changed in one transaction: counted events, ignored ones, and the totals after it.</summary>
internal sealed record OrderApplyOutcome(int Applied, int Ignored, MarketTotals Totals, IReadOnlyList<SessionTotals> ChangedSessions, IReadOnlyList<MarketItemError> Errors);
