namespace CityTwin.Twin.Markets;

/// <summary>Bounds on market input, so a typo or an attack cannot overflow a counter.</summary>
public static class MarketLimits
{
    /// <summary>The largest single order, in VND (ten billion): far above any market stall's sale, far below overflow.</summary>
    public const long MaxOrderAmountVnd = 10_000_000_000;

    /// <summary>Most items in one order.</summary>
    public const int MaxItems = 10_000;

    /// <summary>Most order events plus sessions plus retailers in one batch.</summary>
    public const int MaxBatch = 2_000;

    /// <summary>Longest id (order, session, store, platform).</summary>
    public const int MaxIdLength = 128;
}
