namespace CityTwin.Graph.Auth;

/// <summary>Resolves the path of the development keys file the way <c>./run</c> writes it.</summary>
internal static class KeysFileLocator
{
    private const string RepositoryMarker = "CityTwin.slnx";

    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var fromEnvironment = Environment.GetEnvironmentVariable(ApiKeyOptions.KeysFileVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        var start = Directory.GetCurrentDirectory();
        // The host may run from a build output folder; the keys live at the repository root.
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, RepositoryMarker)))
                return Path.Combine(directory.FullName, ".data", "dev-keys.json");
        }
        return Path.Combine(start, ".data", "dev-keys.json");
    }
}
