namespace CityTwin.Testing;

/// <summary>Where the shared real datasets are (<c>CITYTWIN_SHARED</c>, default <c>../shared</c>), and whether they are there.</summary>
public static class SharedData
{
    /// <summary>The shared data root, or null when it is absent.</summary>
    public static string? Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("CITYTWIN_SHARED");
            var candidates = configured is { Length: > 0 }
                ? [configured]
                : new[] { Path.Combine(Checkout.Root, "..", "shared") };
            return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
        }
    }

    /// <summary>The full path of a file under the shared root, or null when the dataset is absent.</summary>
    public static string? File(params string[] relative) =>
        Root is { } root && Path.Combine([root, .. relative]) is var path && System.IO.File.Exists(path) ? path : null;

    /// <summary>The message a test shows when it skips for lack of data.</summary>
    public const string Missing = "skipped: dataset not present";
}
