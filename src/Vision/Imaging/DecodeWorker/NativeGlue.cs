using System.Reflection;
using System.Runtime.InteropServices;

namespace CityTwin.Vision.Imaging.DecodeWorker;

/// <summary>
/// Points gdcm-sharp's <c>DllImport("gdcmsharpglue")</c> at the Debian glue library: next to this worker when the build
/// copied it, else in Debian's install folder, so no LD_LIBRARY_PATH is needed.
/// </summary>
internal static class NativeGlue
{
    public const string DebianFolder = "/usr/lib/cli/gdcm-sharp-3.0";

    public static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(gdcm.ImageReader).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!name.Contains("gdcmsharpglue", StringComparison.Ordinal)) return IntPtr.Zero;
        foreach (var folder in new[] { AppContext.BaseDirectory, DebianFolder })
        {
            var candidate = Path.Combine(folder, "libgdcmsharpglue.so");
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle)) return handle;
        }
        return IntPtr.Zero;
    }
}
