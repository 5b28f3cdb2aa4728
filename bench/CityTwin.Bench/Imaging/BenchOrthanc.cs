using System.Diagnostics;
using System.Globalization;

namespace CityTwin.Bench.Imaging;

/// <summary>Debian Orthanc as the bench's PACS: loopback, free ports, storage in a temp folder, stopped on dispose.</summary>
public sealed class BenchOrthanc : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private const string DicomWebPlugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

    private BenchOrthanc(Process process, string folder, int dicomPort, int httpPort)
    {
        this.process = process;
        this.folder = folder;
        DicomPort = dicomPort;
        HttpBase = new Uri($"http://127.0.0.1:{httpPort}/");
    }

    public int DicomPort { get; }

    /// <summary>Orthanc's REST API; with DICOMweb, STOW-RS is at <c>dicom-web/studies</c> under it.</summary>
    public Uri HttpBase { get; }

    /// <summary>Starts Orthanc; with <paramref name="dicomWeb"/> it loads Debian's <c>orthanc-dicomweb</c> plugin.</summary>
    public static async Task<BenchOrthanc> StartAsync(bool dicomWeb = false)
    {
        var folder = Directory.CreateTempSubdirectory("citytwin-bench-orthanc-").FullName;
        var (dicomPort, httpPort) = (Common.Loopback.FreePort(), Common.Loopback.FreePort());
        var config = Path.Combine(folder, "orthanc.json");
        var plugins = dicomWeb ? $$""", "Plugins": ["{{DicomWebPlugin}}"], "DicomWeb": { "Enable": true, "Root": "/dicom-web/" }""" : "";
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $$"""
            { "Name": "bench", "StorageDirectory": "{{folder}}/storage", "IndexDirectory": "{{folder}}/index",
              "HttpPort": {{httpPort}}, "DicomPort": {{dicomPort}}, "DicomAet": "ORTHANC", "RemoteAccessAllowed": false,
              "DicomAlwaysAllowStore": true{{plugins}} }
            """));
        var start = new ProcessStartInfo("/usr/sbin/Orthanc") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Orthanc did not start (Debian package orthanc)");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{httpPort}/system");
                if (response.IsSuccessStatusCode) return new BenchOrthanc(process, folder, dicomPort, httpPort);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }
        process.Kill();
        throw new InvalidOperationException("Orthanc did not answer within 60 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
