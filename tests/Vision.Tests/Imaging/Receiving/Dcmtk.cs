using System.Diagnostics;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>Runs the real dcmtk tools (Debian <c>dcmtk</c>) as DICOM peers and checkers.</summary>
public static class Dcmtk
{
    public sealed record Result(int ExitCode, string Output);

    public static bool Installed => File.Exists("/usr/bin/storescu") && File.Exists("/usr/bin/echoscu") && File.Exists("/usr/bin/dcmdump");

    public const string Missing = "skipped: dcmtk not installed (Debian package dcmtk)";

    public static async Task<Result> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Values of <paramref name="tags"/> ("gggg,eeee") in a file as dcmdump reads it; null when dcmdump cannot read it.</summary>
    public static async Task<Dictionary<string, string>?> DumpAsync(string file, params string[] tags)
    {
        var arguments = new List<string> { "-q", "-Un" };
        foreach (var tag in tags) arguments.AddRange(["+P", tag]);
        arguments.Add(file);
        var result = await RunAsync("dcmdump", [.. arguments]);
        if (result.ExitCode != 0) return null;
        var values = new Dictionary<string, string>();
        foreach (var line in result.Output.Split('\n'))
        {
            var open = line.IndexOf('(');
            var value = line.IndexOf('[');
            var close = line.IndexOf(']');
            if (open < 0 || value < 0 || close < value) continue;
            values[line.Substring(open + 1, 9).ToLowerInvariant()] = line[(value + 1)..close];
        }
        return values;
    }
}
