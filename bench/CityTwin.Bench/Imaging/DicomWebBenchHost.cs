using System.Globalization;
using CityTwin.Bench.Common;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// The host as the product starts it (<c>AddCityTwinHost</c>) for the DICOMweb, receive and forwarding benches: by
/// default no AI reader, the STOW-RS rate limit off (the benches measure the path, not the limiter), one clinic with a
/// key and the AE title <c>STORESCU</c>; <c>overrides</c> change any setting (the reader, a PACS).
/// </summary>
internal static class DicomWebBenchHost
{
    public const string ClinicId = "bench-thanh-an";
    public const string ClinicKey = "bench-dicomweb-clinic-key";

    public static async Task<WebApplication> StartAsync(string connectionString, string folder, int scpPort, Uri baseUrl,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:KeysFile"] = Path.Combine(folder, "no-keys-file.json"),
            [$"CityTwin:ApiKeys:{ClinicKey}"] = $"clinic:{ClinicId}",
            ["CityTwin:Imaging:StorageRoot"] = Path.Combine(folder, "imaging"),
            ["CityTwin:Imaging:PseudonymKey"] = "bench",
            ["CityTwin:Imaging:Scp:Port"] = scpPort.ToString(CultureInfo.InvariantCulture),
            // Receiving alone is measured unless overridden (Orthanc reads nothing either): no model, studies stay unread.
            ["CityTwin:Imaging:DemoModel:Enabled"] = "false",
            ["CityTwin:Imaging:DicomWeb:RequestsPerMinutePerKey"] = "0",
        });
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        builder.AddCityTwinHost(new HostSettings(baseUrl.ToString().TrimEnd('/'), connectionString, LoadDemoCity: false, Loopback.FreePort(), Loopback.FreePort()));
        var app = builder.Build();
        app.MapCityTwinEndpoints();
        await app.StartAsync();
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IWardGrain>("27676").RegisterAsync(new WardDefinition("Thạnh An", "Huyện Cần Giờ", "787", null));
        await grains.GetGrain<IClinicGrain>(ClinicId).RegisterAsync(new ClinicDefinition(
            new Place("Trạm y tế xã Thạnh An", "27676", new GeoPoint(106.97, 10.54)), ClinicKind.CommuneHealthStation, ["STORESCU"]));
        return app;
    }
}
