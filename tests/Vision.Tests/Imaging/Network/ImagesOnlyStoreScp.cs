using System.Diagnostics;
using System.Net.Sockets;
using CityTwin.Testing;

namespace CityTwin.Vision.Tests.Imaging.Network;

/// <summary>
/// dcmtk's <c>storescp</c> as a PACS that stores images but takes no structured reports: its presentation-context
/// profile lists image storage classes only, so an SR is refused at negotiation, as a real archive configured that way
/// refuses it. Files land in <see cref="Folder"/>.
/// </summary>
public sealed class ImagesOnlyStoreScp : IAsyncDisposable
{
    public const string AeTitle = "IMAGESONLY";

    private const string Profile = """
        [[TransferSyntaxes]]
        [Uncompressed]
        TransferSyntax1 = LocalEndianExplicit
        TransferSyntax2 = LittleEndianImplicit
        [[PresentationContexts]]
        [Images]
        PresentationContext1 = SecondaryCaptureImageStorage\Uncompressed
        PresentationContext2 = DigitalXRayImageStorageForPresentation\Uncompressed
        PresentationContext3 = ComputedRadiographyImageStorage\Uncompressed
        [[Profiles]]
        [ImagesOnly]
        PresentationContexts = Images
        """;

    private readonly Process process;

    private ImagesOnlyStoreScp(Process process, string folder, int port)
    {
        this.process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public static async Task<ImagesOnlyStoreScp> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("citytwin-storescp-").FullName;
        var config = Path.Combine(folder, "profile.cfg");
        await File.WriteAllTextAsync(config, Profile);
        var output = Directory.CreateDirectory(Path.Combine(folder, "received")).FullName;
        var port = FreePort.Next();
        var start = new ProcessStartInfo("storescp") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-aet", AeTitle, "-xf", config, "ImagesOnly", "-od", output, port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var server = new ImagesOnlyStoreScp(process, output, port);
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline && !process.HasExited; await Task.Delay(50))
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
        }
        await server.DisposeAsync();
        throw new InvalidOperationException("storescp did not start");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try { Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true); }
        catch (IOException) { }
    }
}
