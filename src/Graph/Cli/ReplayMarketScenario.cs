namespace CityTwin.Graph.Cli;

/// <summary>
/// One market story to replay: which market, when, how many retailers, sessions and orders, and (when the city gave it)
/// the exact revenue. The dates lie in the past on purpose: the twin refuses times in the future.
/// </summary>
public sealed record ReplayMarketScenario(
    string Slug, string MarketId, string EventName, string Organiser, DateTimeOffset StartsAt, int Days,
    int Retailers, int Sessions, int Orders, long? RevenueVnd, string[] Platforms, int Seed)
{
    /// <summary>Chợ Thủ Đức trực tuyến: 50 retailers in 3 days, 20 TikTok sessions, 17,350 orders (the city said "more than 17,000").</summary>
    public static readonly ReplayMarketScenario ThuDuc = new("thu-duc", "store-cho-thu-duc", "Chợ Thủ Đức trực tuyến",
        "Ban quản lý chợ Thủ Đức", new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero), 3, 50, 20, 17_350, null, ["TikTok"], 2026_11_20);

    /// <summary>Bến Thành market: 77 sessions in 5 days, exactly 18,200 orders for exactly 4,200,000,000 VND.</summary>
    public static readonly ReplayMarketScenario BenThanh = new("ben-thanh", "store-cho-ben-thanh", "Chợ Bến Thành livestream",
        "Ban quản lý chợ Bến Thành", new DateTimeOffset(2026, 11, 10, 1, 0, 0, TimeSpan.Zero), 5, 12, 77, 18_200, 4_200_000_000, ["TikTok", "Facebook", "Shopee"], 2026_11_10);

    public static readonly IReadOnlyList<ReplayMarketScenario> All = [ThuDuc, BenThanh];
}
