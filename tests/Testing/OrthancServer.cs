using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CityTwin.Testing;

/// <summary>
/// A real Orthanc PACS (Debian <c>orthanc</c>, with <c>orthanc-dicomweb</c>) started for a test on loopback, on free
/// ports, with its storage and index in a temp folder and a generated configuration; stopped and deleted on dispose.
/// </summary>
public sealed class OrthancServer : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/Orthanc";
    public const string DicomWebPlugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";
    public const string Missing = "skipped: Orthanc not installed (Debian packages orthanc, orthanc-dicomweb)";

    private readonly Process process;
    private readonly string folder;

    private OrthancServer(Process process, string folder, string aeTitle, int dicomPort, int httpPort)
    {
        this.process = process;
        this.folder = folder;
        AeTitle = aeTitle;
        DicomPort = dicomPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public static bool Installed => File.Exists(Executable) && File.Exists(DicomWebPlugin);

    public string AeTitle { get; }

    public int DicomPort { get; }

    /// <summary>Orthanc's REST API.</summary>
    public HttpClient Http { get; }

    /// <summary>
    /// Starts Orthanc. <paramref name="dicomWebServers"/> are remote DICOMweb servers (name → URL and headers) its
    /// DICOMweb client may call; <paramref name="lua"/> is an optional Lua script (filters).
    /// </summary>
    public static async Task<OrthancServer> StartAsync(string aeTitle = "ORTHANC", JsonObject? dicomWebServers = null, string? lua = null)
    {
        var folder = Directory.CreateTempSubdirectory("citytwin-orthanc-").FullName;
        var (dicomPort, httpPort) = (FreePort.Next(), FreePort.Next());
        var configuration = new JsonObject
        {
            ["Name"] = "CityTwinTestPacs",
            ["StorageDirectory"] = Path.Combine(folder, "storage"),
            ["IndexDirectory"] = Path.Combine(folder, "index"),
            ["HttpPort"] = httpPort,
            ["DicomPort"] = dicomPort,
            ["DicomAet"] = aeTitle,
            ["DicomCheckCalledAet"] = true,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["DicomAlwaysAllowStore"] = true,
            ["StableAge"] = 1,
            ["HttpTimeout"] = 30,
            ["Plugins"] = new JsonArray(DicomWebPlugin),
            ["DicomWeb"] = new JsonObject
            {
                ["Enable"] = true,
                ["Root"] = "/dicom-web/",
                ["Servers"] = dicomWebServers ?? new JsonObject(),
            },
        };
        if (lua is not null)
        {
            var script = Path.Combine(folder, "filter.lua");
            await File.WriteAllTextAsync(script, lua);
            configuration["LuaScripts"] = new JsonArray(script);
        }
        var configPath = Path.Combine(folder, "orthanc.json");
        await File.WriteAllTextAsync(configPath, configuration.ToJsonString());
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(configPath);
        var process = Process.Start(start)!;
        // Orthanc logs to stderr; drain both pipes so it never blocks on a full one.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var server = new OrthancServer(process, folder, aeTitle, dicomPort, httpPort);
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (process.HasExited) break;
            try
            {
                using var response = await server.Http.GetAsync("system");
                if (response.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }
        await server.DisposeAsync();
        throw new InvalidOperationException("Orthanc did not start within 60 s");
    }

    /// <summary>Orthanc's id of the instance with <paramref name="sopInstanceUid"/>, or null when it does not hold it.</summary>
    public async Task<string?> FindInstanceAsync(string sopInstanceUid)
    {
        var query = new JsonObject { ["Level"] = "Instance", ["Query"] = new JsonObject { ["SOPInstanceUID"] = sopInstanceUid } };
        using var response = await Http.PostAsync("tools/find", new StringContent(query.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var ids = await response.Content.ReadFromJsonAsync<string[]>();
        return ids is { Length: > 0 } ? ids[0] : null;
    }

    /// <summary>Polls until Orthanc holds <paramref name="sopInstanceUid"/>; null on timeout.</summary>
    public async Task<string?> WaitForInstanceAsync(string sopInstanceUid, TimeSpan timeout)
    {
        for (var deadline = DateTime.UtcNow + timeout; DateTime.UtcNow < deadline; await Task.Delay(100))
            if (await FindInstanceAsync(sopInstanceUid) is { } id) return id;
        return null;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
