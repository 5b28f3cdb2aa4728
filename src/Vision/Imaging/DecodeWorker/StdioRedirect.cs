using System.Runtime.InteropServices;

namespace CityTwin.Vision.Imaging.DecodeWorker;

/// <summary>Keeps a private copy of stdout for the protocol and sends file descriptor 1 to stderr.</summary>
internal static partial class StdioRedirect
{
    /// <summary>Returns a new descriptor on the original stdout.</summary>
    public static IntPtr MoveStdoutToStderr()
    {
        var copy = Dup(1);
        if (copy < 0 || Dup2(2, 1) < 0) throw new IOException("could not move stdout aside for the protocol");
        return copy;
    }

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int fd, int fd2);
}
