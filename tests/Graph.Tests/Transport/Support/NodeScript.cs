using System.Diagnostics;
using System.Text.Json;

namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>
/// Runs tests/Graph.Tests/Transport/node/graphql-ws-client.mjs (or another script of that folder) with Node,
/// installing its locked packages first (<c>npm ci</c>) when one is missing, and collects the JSON lines it prints.
/// </summary>
public sealed class NodeScript : IDisposable
{
    private readonly Process _process;
    private readonly List<JsonElement> _lines = [];
    private readonly List<string> _errors = [];

    private NodeScript(Process process) => _process = process;

    public static async Task<NodeScript> StartAsync(Uri url, string key, int events)
    {
        var folder = await InstalledFolderAsync();
        var process = new Process { StartInfo = StartInfo("node", $"graphql-ws-client.mjs {url} {key} {events}", folder) };
        var script = new NodeScript(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (string.IsNullOrWhiteSpace(e.Data)) return;
            lock (script._lines) script._lines.Add(JsonDocument.Parse(e.Data).RootElement.Clone());
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (script._errors) script._errors.Add(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return script;
    }

    /// <summary>Waits for the script to end and returns its lines; fails with its stderr if it does not end well.</summary>
    public async Task<List<JsonElement>> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        lock (_errors) Assert.True(_process.ExitCode == 0, $"node exited with {_process.ExitCode}:\n{string.Join('\n', _errors)}");
        lock (_lines) return [.. _lines];
    }

    /// <summary>Runs another script of the folder to its end; returns its exit code, stdout and stderr.</summary>
    public static async Task<(int Exit, string Output, string Errors)> RunToEndAsync(string script, string arguments, TimeSpan limit)
    {
        var folder = await InstalledFolderAsync();
        using var process = new Process { StartInfo = StartInfo("node", $"{script} {arguments}", folder) };
        process.Start();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>The script folder, after <c>npm ci</c> when a locked package is missing from node_modules.</summary>
    private static async Task<string> InstalledFolderAsync()
    {
        var folder = ScriptFolder();
        string[] packages = ["graphql", "graphql-ws", "graphql-http", "ws"];
        if (!packages.All(p => Directory.Exists(Path.Combine(folder, "node_modules", p))))
        {
            var (exit, output) = await RunAsync("npm", "ci --no-audit --no-fund", folder, TimeSpan.FromMinutes(3));
            Assert.True(exit == 0, $"npm ci failed in {folder}:\n{output}");
        }
        return folder;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string arguments, string folder, TimeSpan limit)
    {
        using var process = new Process { StartInfo = StartInfo(file, arguments, folder) };
        process.Start();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static ProcessStartInfo StartInfo(string file, string arguments, string folder) => new(file, arguments)
    {
        WorkingDirectory = folder,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };

    private static string ScriptFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CityTwin.slnx")))
            directory = directory.Parent;
        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "tests", "Graph.Tests", "Transport", "node");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
