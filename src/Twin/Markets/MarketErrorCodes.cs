namespace CityTwin.Twin.Markets;

/// <summary>The per-item error codes of market batches (webhook and GraphQL alike).</summary>
public static class MarketErrorCodes
{
    public const string UnknownMarket = "UNKNOWN_MARKET";
    public const string UnknownSession = "UNKNOWN_SESSION";
    public const string UnknownStore = "UNKNOWN_STORE";
    public const string NegativeAmount = "NEGATIVE_AMOUNT";
    public const string AmountOutOfRange = "AMOUNT_OUT_OF_RANGE";
    public const string EndsBeforeStart = "ENDS_BEFORE_START";
    public const string FutureTime = "FUTURE_TIME";
    public const string PlatformMismatch = "PLATFORM_MISMATCH";
    public const string OrderInOtherMarket = "ORDER_IN_OTHER_MARKET";
    public const string InvalidField = "INVALID_FIELD";
    public const string TooMany = "TOO_MANY";
}
