using System.Diagnostics;

namespace CityTwin.Browser.Tests.Support;

/// <summary>
/// Builds the client once when client/dist is missing or older than its sources, so the browser tests never run
/// against a stale bundle (./test and ./run install the npm packages; this only runs <c>npm run build</c>).
/// </summary>
public static class ClientBuild
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureBuiltAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (IsFresh()) return;
            if (!Directory.Exists(Path.Combine(RepositoryPaths.Client, "node_modules")))
                throw new InvalidOperationException("client/node_modules is missing: run scripts/setup (or npm ci in client/) first");
            var start = new ProcessStartInfo("npm", "run build")
            {
                WorkingDirectory = RepositoryPaths.Client,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var npm = Process.Start(start) ?? throw new InvalidOperationException("could not start npm");
            var output = npm.StandardOutput.ReadToEndAsync();
            var errors = npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0)
                throw new InvalidOperationException($"npm run build failed ({npm.ExitCode}):\n{await output}\n{await errors}");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static bool IsFresh()
    {
        var index = Path.Combine(RepositoryPaths.ClientDist, "index.html");
        if (!File.Exists(index)) return false;
        var built = File.GetLastWriteTimeUtc(index);
        var inputs = new[] { "src", "public" }
            .Select(folder => Path.Combine(RepositoryPaths.Client, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Append(Path.Combine(RepositoryPaths.Client, "index.html"))
            .Append(Path.Combine(RepositoryPaths.Client, "package-lock.json"));
        return inputs.Where(File.Exists).All(f => File.GetLastWriteTimeUtc(f) <= built);
    }
}
