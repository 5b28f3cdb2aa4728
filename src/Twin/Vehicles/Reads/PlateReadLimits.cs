using CityTwin.Twin.Vehicles.Sightings;

namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>Bounds on what one batch of plate reads may carry; anything past them is a client error, not a workload.</summary>
public static class PlateReadLimits
{
    /// <summary>Most reads in one batch (the vehicle grain's own batch limit).</summary>
    public const int MaxBatch = VehicleGrain.MaxBatch;

    /// <summary>Largest crop: a plate region is a few kilobytes; anything bigger is a frame sent by mistake.</summary>
    public const int MaxCropBytes = 128 * 1024;

    /// <summary>Longest camera id (the <c>cameras.id</c> and <c>sightings.camera_id</c> columns).</summary>
    public const int MaxCameraIdLength = 64;

    /// <summary>
    /// Longest idempotency key: the detection id is <c>cameraId:key</c> and must fit
    /// <see cref="SightingInput.MaxDetectionIdLength"/> whatever the camera id.
    /// </summary>
    public const int MaxIdempotencyKeyLength = SightingInput.MaxDetectionIdLength - MaxCameraIdLength - 1;

    /// <summary>
    /// Oldest read accepted: a camera that was cut off may deliver a backlog, but a read weeks old (or dated 1900 by
    /// a reset clock) would rewrite a vehicle's route with a time nobody can act on.
    /// </summary>
    public static readonly TimeSpan MaxReadAge = TimeSpan.FromDays(30);
}
