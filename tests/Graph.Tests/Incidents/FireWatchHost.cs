using System.Globalization;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace CityTwin.Graph.Tests.Incidents;

/// <summary>
/// The incident host with the smoke and fire watch reading three tower cameras from image folders, as a site configures
/// <c>CityTwin:Fire:Cameras</c>: tower 1 sees a real smoke plume of the shared <c>valid/</c> set composed into its
/// 1920×1080 view above a real street scene, tower 3 the same street with only clouds drifting in the sky, tower 4 the
/// street in drifting fog. Every tower has its sky masked (<c>CityTwin:Fire:Masks</c>), as operators set up a tower
/// camera. The frames are written before the host starts.
/// </summary>
public sealed class FireWatchHost : IncidentHost
{
    public const string SmokeTower = "cam-tth-ptz-01";
    public const string CloudTower = "cam-tth-ptz-03";
    public const string FogTower = "cam-tth-ptz-04";
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
        var cloudFolder = Write("clouds", FireScenes.TowerViewWithClouds);
        var fogFolder = Write("fog", FireScenes.TowerViewInFog);
        var sky = string.Create(CultureInfo.InvariantCulture, $"0,0 1,0 1,{FireScenes.Horizon} 0,{FireScenes.Horizon}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:Fire:Cameras:0:CameraId"] = SmokeTower,
            ["CityTwin:Fire:Cameras:0:Source"] = smokeFolder,
            ["CityTwin:Fire:Cameras:1:CameraId"] = CloudTower,
            ["CityTwin:Fire:Cameras:1:Source"] = cloudFolder,
            ["CityTwin:Fire:Cameras:2:CameraId"] = FogTower,
            ["CityTwin:Fire:Cameras:2:Source"] = fogFolder,
            [$"CityTwin:Fire:Masks:{SmokeTower}:0"] = sky,
            [$"CityTwin:Fire:Masks:{CloudTower}:0"] = sky,
            [$"CityTwin:Fire:Masks:{FogTower}:0"] = sky,
        });
        builder.Logging.AddProvider(Log);
        builder.Logging.AddFilter<CapturedLog>("CityTwin.Vision.Fire", Microsoft.Extensions.Logging.LogLevel.Information);
    }

    private string Write(string scene, Func<int, Mat> frame)
    {
        var folder = Directory.CreateDirectory(Path.Combine(frames, scene)).FullName;
        for (var i = 0; i < FramesPerCamera; i++)
        {
            using var view = frame(i);
            Cv2.ImWrite(Path.Combine(folder, $"frame-{i:D2}.jpg"), view);
        }
        return folder;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(frames)) Directory.Delete(frames, recursive: true);
    }
}
