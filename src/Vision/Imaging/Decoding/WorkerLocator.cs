namespace CityTwin.Vision.Imaging.Decoding;

/// <summary>Finds the worker executable the build copies next to every host and test assembly.</summary>
internal static class WorkerLocator
{
    public const string AssemblyName = "citytwin-dicom-worker";

    public static string Default()
    {
        var folder = AppContext.BaseDirectory;
        var dll = Path.Combine(folder, AssemblyName + ".dll");
        if (File.Exists(dll)) return dll;
        throw new FileNotFoundException($"the DICOM decoder worker {AssemblyName}.dll is not next to the host in {folder}; build src/Vision");
    }

    /// <summary>The dotnet host running us, so the worker uses the same runtime.</summary>
    public static string DotnetHost()
    {
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli)) return fromCli;
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }
}
