namespace CityTwin.Testing;

/// <summary>The checkout the tests were built from: the folder that holds <c>CityTwin.slnx</c>.</summary>
public static class Checkout
{
    /// <summary>The checkout root; the current directory when the tests run outside a checkout.</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CityTwin.slnx")))
                directory = directory.Parent;
            return directory?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}
