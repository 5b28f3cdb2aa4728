using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using CityTwin.Twin.Clinics.Imaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CityTwin.Graph.Tests.DicomWeb;

/// <summary>
/// The DICOM receivers as <c>citytwin serve</c> wires them (AddCityTwinHost, the demo city's Thạnh An station owning
/// <c>STORESCU</c>), on free ports with TLS from a test certificate: dcmtk stores over TLS and what lands on disk is
/// de-identified and readable by the owner only.
/// </summary>
public sealed class DicomServeTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string ChestXRayUid = "1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888";

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Serve_StorescuOverTls_StoredDeidentifiedAndOwnerOnly()
    {
        Skip.IfNot(File.Exists("/usr/bin/storescu"), "dcmtk not installed");
        var file = SharedData.File("data", "dicom", "nih_chest_xray_nccid", ChestXRayUid + ".dcm");
        Skip.If(file is null, SharedData.Missing);
        var folder = Directory.CreateTempSubdirectory("citytwin-serve-dicom-").FullName;
        var (certificate, key) = WriteSelfSigned(folder);
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var tlsPort = FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:KeysFile"] = Path.Combine(folder, "no-keys.json"),
            ["CityTwin:Imaging:StorageRoot"] = Path.Combine(folder, "imaging"),
            ["CityTwin:Imaging:Scp:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Scp:Tls:Port"] = tlsPort.ToString(CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Scp:Tls:CertificatePath"] = certificate,
            ["CityTwin:Imaging:Scp:Tls:KeyPath"] = key,
            ["CityTwin:Imaging:Scp:Tls:Only"] = "true",
        });
        builder.AddCityTwinHost(new HostSettings(baseUrl, database.ConnectionString, LoadDemoCity: true, SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        await using var app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        try
        {
            await WaitHealthyAsync(baseUrl);
            var sent = await RunAsync("storescu", "+tla", "+cf", certificate, "-aet", "STORESCU", "-aec", "CITYTWIN", "-xi",
                "127.0.0.1", tlsPort.ToString(CultureInfo.InvariantCulture), file!);
            Assert.True(sent.ExitCode == 0, sent.Output);

            await using var context = database.CreateContext();
            var row = await context.Set<ImagingInstanceRow>().AsNoTracking().SingleAsync(r => r.SopInstanceUid == ChestXRayUid);
            Assert.Equal("clinic-tram-y-te-thanh-an", row.ClinicId);
            var stored = Path.Combine(folder, "imaging", row.Sha256[..2], row.Sha256[2..4], row.Sha256 + ".dcm");
            Assert.DoesNotContain("Covid0000", Encoding.Latin1.GetString(await File.ReadAllBytesAsync(stored)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
            var dump = await RunAsync("dcmdump", "-q", "+P", "0012,0062", "+P", "0010,0020", stored);
            Assert.Contains("[YES]", dump.Output);
            Assert.Contains($"[{row.PseudonymisedPatientId}]", dump.Output);
        }
        finally
        {
            await app.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WaitHealthyAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
        }
        throw new TimeoutException("the host did not turn healthy within 90 s");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }

    private static (string Certificate, string Key) WriteSelfSigned(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=citytwin-serve-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(folder, "scp.crt");
        var keyPath = Path.Combine(folder, "scp.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
