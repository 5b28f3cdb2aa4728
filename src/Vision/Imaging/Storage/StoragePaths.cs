namespace CityTwin.Vision.Imaging.Storage;

/// <summary>Resolves configured paths the way the rest of the project does: relative to the repository root.</summary>
internal static class StoragePaths
{
    private const string RepositoryMarker = "CityTwin.slnx";

    public static string Resolve(string configured)
    {
        if (Path.IsPathRooted(configured)) return configured;
        // The host may run from a build output folder; .data lives at the repository root.
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, RepositoryMarker)))
                return Path.Combine(directory.FullName, configured);
        }
        return Path.GetFullPath(configured);
    }
}
