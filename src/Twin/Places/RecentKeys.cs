namespace CityTwin.Twin.Places;

/// <summary>
/// A bounded memory of the last keys a counter has applied (session ids, study UIDs), so a replayed update is
/// recognised and not counted twice.
/// </summary>
public static class RecentKeys
{
    /// <summary>How many keys are remembered; replays older than that are rare and would be counted again.</summary>
    public const int Capacity = 1_000;

    /// <summary>Adds <paramref name="key"/> unless present; false when it was already applied.</summary>
    public static bool TryAdd(List<string> keys, string key)
    {
        if (keys.Contains(key, StringComparer.Ordinal)) return false;
        keys.Add(key);
        if (keys.Count > Capacity) keys.RemoveRange(0, keys.Count - Capacity);
        return true;
    }
}
