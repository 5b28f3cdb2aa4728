namespace CityTwin.Browser.Tests.Support;

/// <summary>Folders of the checkout the tests run from: the client, and where screenshots are kept.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Client => Path.Combine(Root, "client");

    public static string ClientDist => Path.Combine(Client, "dist");

    /// <summary>Screenshots go beside the TRX files of <c>./test</c>, so CI keeps them with the results.</summary>
    public static string Screenshots => Path.Combine(Root, ".data", "test-results", "screenshots");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CityTwin.slnx"))) return directory.FullName;
        }
        throw new InvalidOperationException("CityTwin.slnx not found above " + AppContext.BaseDirectory);
    }
}
