namespace CityTwin.Twin.Common;

/// <summary>Checks on times reported by devices and people, whose clocks drift.</summary>
public static class TwinClock
{
    /// <summary>How far ahead of the twin's clock a reported time may be before it is refused.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(2);

    /// <summary>Refuses a reported time that lies in the future beyond <see cref="AllowedSkew"/>.</summary>
    public static DateTimeOffset EnsureNotFuture(this TimeProvider clock, DateTimeOffset reported, string what)
    {
        var now = clock.GetUtcNow();
        TwinValidationException.Require(reported <= now + AllowedSkew,
            $"{what}: time {reported:O} is in the future (now {now:O})");
        return reported;
    }
}
