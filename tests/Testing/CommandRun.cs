using System.Diagnostics;

namespace CityTwin.Testing;

/// <summary>What a finished command printed and how it ended.</summary>
public sealed record CommandRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// Runs <paramref name="commandLine"/> with bash in <paramref name="workingDirectory"/>, as a person types it,
    /// with extra environment variables; kills it after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<CommandRun> BashAsync(string commandLine, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash", ["-c", commandLine])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{commandLine}` ran longer than {timeout.TotalSeconds:F0} s");
        }
        return new CommandRun(process.ExitCode, await output, await error);
    }
}
