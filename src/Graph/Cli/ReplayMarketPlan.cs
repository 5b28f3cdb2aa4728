using CityTwin.Graph.Webhooks;
using CityTwin.Twin.Markets;

namespace CityTwin.Graph.Cli;

/// <summary>
/// The deterministic stream of one <see cref="ReplayMarketScenario"/>: the same seed gives the same retailers, sessions,
/// orders and amounts on every run, so a replay sent twice changes nothing the second time. Each counted order is placed
/// (version 1) then paid (version 2); a few more are placed then cancelled and do not count. Bến Thành's amounts are
/// whole thousands of dong adjusted so they add up to the city's figure exactly.
/// </summary>
public sealed class ReplayMarketPlan
{
    private const long Unit = 1_000;

    public required ReplayMarketScenario Scenario { get; init; }
    public required IReadOnlyList<(string StoreId, string Name, DateTimeOffset JoinedAt)> Retailers { get; init; }
    public required IReadOnlyList<MarketSessionInput> Sessions { get; init; }

    /// <summary>Order events in the order they happened (placing, then payment or cancellation), with when each happened.</summary>
    public required IReadOnlyList<(DateTimeOffset At, MarketOrderInput Event)> Events { get; init; }

    public DateTimeOffset EndsAt => Scenario.StartsAt.AddDays(Scenario.Days);

    /// <summary>Counted orders' revenue: the city's figure where it gave one.</summary>
    public long RevenueVnd => Events.Where(e => e.Event.Status == OrderStatus.Paid).Sum(e => (long)e.Event.AmountVnd!.Value);

    public static ReplayMarketPlan Create(ReplayMarketScenario scenario)
    {
        var random = new Random(scenario.Seed);
        var start = scenario.StartsAt;
        var span = TimeSpan.FromDays(scenario.Days);
        // Retailers join through the first 80% of the event, so later sessions have more of them to host.
        var retailers = Enumerable.Range(1, scenario.Retailers)
            .Select(i => ($"{scenario.MarketId}-online-{i:00}", $"Gian hàng trực tuyến {i:00}", start + span * (0.8 * (i - 1) / scenario.Retailers)))
            .ToList();
        var sessions = new List<MarketSessionInput>();
        for (var i = 0; i < scenario.Sessions; i++)
        {
            var begins = start + span * ((i + 0.2) / scenario.Sessions);
            var length = TimeSpan.FromMinutes(60 + random.Next(0, 91));
            var joined = retailers.Where(r => r.Item3 <= begins).Select(r => r.Item1).ToList();
            var hosts = joined.OrderBy(_ => random.Next()).Take(Math.Min(joined.Count, 1 + random.Next(0, 3))).ToList();
            sessions.Add(new MarketSessionInput
            {
                SessionId = $"{scenario.Slug}-live-{i + 1:000}",
                Platform = scenario.Platforms[i % scenario.Platforms.Length],
                HostStoreIds = hosts,
                StartedAt = begins,
                EndedAt = begins + length,
                PeakViewers = 800 + random.Next(0, 12_000),
            });
        }
        var counted = Amounts(scenario, random);
        var cancelled = scenario.Orders / 50;
        var events = new List<(DateTimeOffset At, MarketOrderInput Event)>();
        for (var n = 0; n < scenario.Orders + cancelled; n++)
        {
            var session = sessions[random.Next(sessions.Count)];
            var length = session.EndedAt!.Value - session.StartedAt!.Value;
            var placed = session.StartedAt.Value + length * random.NextDouble();
            var isCounted = n < scenario.Orders;
            var amount = isCounted ? counted[n] : Unit * (50 + random.Next(0, 300));
            var store = session.HostStoreIds![random.Next(session.HostStoreIds.Count)];
            var id = $"{scenario.Slug}-{n + 1:000000}";
            var phone = $"09{random.Next(10_000_000, 99_999_999)}";
            var items = 1 + random.Next(0, 4);
            MarketOrderInput Event(OrderStatus status, long version, DateTimeOffset at) => new()
            {
                Platform = session.Platform, PlatformOrderId = id, SessionId = session.SessionId, StoreId = store, AmountVnd = amount,
                Items = items, PlacedAt = at, Status = status, Version = version, BuyerPhone = phone,
            };
            events.Add((placed, Event(OrderStatus.Placed, 1, placed)));
            var settled = placed + TimeSpan.FromSeconds(20 + random.Next(0, 300));
            events.Add((settled < session.EndedAt.Value ? settled : session.EndedAt.Value, Event(isCounted ? OrderStatus.Paid : OrderStatus.Cancelled, 2, placed)));
        }
        var ordered = events.OrderBy(e => e.At).ThenBy(e => e.Event.PlatformOrderId, StringComparer.Ordinal).ThenBy(e => e.Event.Version).ToList();
        return new ReplayMarketPlan { Scenario = scenario, Retailers = retailers, Sessions = sessions, Events = ordered };
    }

    /// <summary>Amounts of the counted orders, in whole thousands of dong, adding up to the scenario's revenue where it has one.</summary>
    private static long[] Amounts(ReplayMarketScenario scenario, Random random)
    {
        var units = Enumerable.Range(0, scenario.Orders).Select(_ => (long)(60 + random.Next(0, 380))).ToArray();
        if (scenario.RevenueVnd is not { } revenue) return units.Select(u => u * Unit).ToArray();
        var target = revenue / Unit;
        var difference = target - units.Sum();
        for (var i = 0; difference != 0; i = (i + 1) % units.Length)
        {
            var step = Math.Sign(difference) * Math.Min(Math.Abs(difference), 1 + Math.Abs(difference) / units.Length);
            if (units[i] + step < 10) continue;
            units[i] += step;
            difference -= step;
        }
        return units.Select(u => u * Unit).ToArray();
    }
}
