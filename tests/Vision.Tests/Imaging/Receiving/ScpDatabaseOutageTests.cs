using System.Globalization;
using CityTwin.Testing;
using CityTwin.Twin.Extensions;
using CityTwin.Vision.Imaging;
using CityTwin.Vision.Imaging.Network;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>The SCP while its database cannot be reached: senders are told to come back later, never cut off.</summary>
[Collection(ReceivingCollection.Name)]
public sealed class ScpDatabaseOutageTests(ReceivingFixture fixture)
{
    [SkippableFact]
    public async Task Associate_DatabaseUnreachable_RejectedTransientNotAborted()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        // A port nobody listens on: every connection attempt is refused, as with a stopped cluster.
        var unreachable = $"Host=127.0.0.1;Port={FreePort.Next()};Database=citytwin;Username=citytwin;Password=x;Timeout=3";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:Imaging:StorageRoot"] = fixture.StorageRoot,
            ["CityTwin:Imaging:PseudonymKey"] = ReceivingFixture.PseudonymKey,
            ["CityTwin:Imaging:Scp:Port"] = "0",
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddTwinDatabase(unreachable)
            .AddSingleton(fixture.Cluster.Grains)
            .AddSingleton<IImagingReader>(fixture.Reader)
            .AddCityTwinImagingReceivers(configuration)
            .BuildServiceProvider();
        var scp = services.GetRequiredService<StoreScpService>();
        await scp.StartAsync(CancellationToken.None);
        try
        {
            var port = (await scp.LocalPort).ToString(CultureInfo.InvariantCulture);
            var echo = await Dcmtk.RunAsync("echoscu", "-v", "-aet", "ECHOSCU", "-aec", "CITYTWIN", "127.0.0.1", port);
            Assert.NotEqual(0, echo.ExitCode);
            Assert.Contains("Association Rejected", echo.Output);
            Assert.Contains("Rejected Transient", echo.Output);
            Assert.DoesNotContain("Abort", echo.Output);
        }
        finally
        {
            await scp.StopAsync(CancellationToken.None);
        }
    }
}
