namespace CityTwin.Graph.Auth;

/// <summary>
/// A key's budget after a request, as the <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c> and <c>RateLimit-Reset</c>
/// response headers report it (IETF draft "RateLimit header fields for HTTP"): the bucket size, the tokens left and the
/// seconds until the bucket is full again.
/// </summary>
public readonly record struct RateLimitState(int Limit, int Remaining, int ResetSeconds)
{
    /// <summary>The three headers, with invariant numbers.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        yield return new("RateLimit-Limit", Limit.ToString(invariant));
        yield return new("RateLimit-Remaining", Remaining.ToString(invariant));
        yield return new("RateLimit-Reset", ResetSeconds.ToString(invariant));
    }
}
