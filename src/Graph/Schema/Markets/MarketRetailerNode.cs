namespace CityTwin.Graph.Schema.Markets;

/// <summary>A retailer of a market with its name and sales there.</summary>
public sealed record MarketRetailerNode(string StoreId, string Name, DateTimeOffset JoinedAt, long OrderCount, long RevenueVnd);
