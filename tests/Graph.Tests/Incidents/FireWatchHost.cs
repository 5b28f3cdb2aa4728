using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace CityTwin.Graph.Tests.Incidents;

/// <summary>
/// The incident host with the smoke and fire watch reading a tower camera from an image folder, as a site configures
/// <c>CityTwin:Fire:Cameras</c>: tower 1 sees a real smoke plume of the shared <c>valid/</c> set composed into its
/// 1920×1080 view above a real street scene. The frames are written before the host starts. (A cloud-only tower is not
/// here: composed clouds over the same street raised smoke even with the sky masked, a false alarm recorded as a limit
/// in the model card.)
/// </summary>
public sealed class FireWatchHost : IncidentHost
{
    public const string SmokeTower = "cam-tth-ptz-01";
    public const int FramesPerCamera = 6;

    private readonly string frames = Path.Combine(Path.GetTempPath(), $"citytwin-fire-frames-{Guid.NewGuid():N}");

    public CapturedLog Log { get; } = new();

    /// <summary>Where the smoke's base lies in tower 1's frames (fractions of width and height), or null without the dataset.</summary>
    public (double U, double V)? SmokeBase { get; private set; }

    protected override void Configure(WebApplicationBuilder builder)
    {
        if (FireScenes.SmokeImage() is not { } smoke) return;
        var smokeFolder = Directory.CreateDirectory(Path.Combine(frames, "smoke")).FullName;
        for (var i = 0; i < FramesPerCamera; i++)
        {
            using var withSmoke = FireScenes.TowerViewWithSmoke(smoke.Path, smoke.Box, out var smokeBase);
            SmokeBase = smokeBase;
            Cv2.ImWrite(Path.Combine(smokeFolder, $"frame-{i:D2}.jpg"), withSmoke);
        }
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:Fire:Cameras:0:CameraId"] = SmokeTower,
            ["CityTwin:Fire:Cameras:0:Source"] = smokeFolder,
        });
        builder.Logging.AddProvider(Log);
        builder.Logging.AddFilter<CapturedLog>("CityTwin.Vision.Fire", Microsoft.Extensions.Logging.LogLevel.Information);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(frames)) Directory.Delete(frames, recursive: true);
    }
}
