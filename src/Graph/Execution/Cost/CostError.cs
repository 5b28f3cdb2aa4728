using GraphQL.Validation;

namespace CityTwin.Graph.Execution.Cost;

/// <summary>A document refused for what it would cost, before anything runs; its code passes to <c>extensions.code</c>.</summary>
public sealed class CostError : ValidationError
{
    public CostError(string code, string message, TimeSpan? retryAfter = null) : base(message)
    {
        Code = code;
        RetryAfter = retryAfter;
    }

    /// <summary>When the key's budget allows the document again; null when it never will (over a per-request limit).</summary>
    public TimeSpan? RetryAfter { get; }
}
