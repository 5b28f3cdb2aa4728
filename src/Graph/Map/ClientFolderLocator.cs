namespace CityTwin.Graph.Map;

/// <summary>Finds the built client: the configured path, else <c>client/dist</c> under the repository root.</summary>
internal static class ClientFolderLocator
{
    private const string RepositoryMarker = "CityTwin.slnx";

    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return System.IO.Path.GetFullPath(configured);
        // The host may run from its build output (bin/...) or from the checkout; both sit under the repository.
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, RepositoryMarker)))
                    return System.IO.Path.Combine(directory.FullName, "client", "dist");
            }
        }
        return System.IO.Path.Combine(Directory.GetCurrentDirectory(), "client", "dist");
    }
}
