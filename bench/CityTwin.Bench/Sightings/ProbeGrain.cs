using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Vehicles;
using Orleans.Streams;

namespace CityTwin.Bench.Sightings;

/// <summary>Breakdown probe: the same call shape as <see cref="IVehicleGrain.RecordSightingsAsync"/>, minus parts of its work.</summary>
[Alias("CityTwin.Bench.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>Returns at once: what an Orleans call carrying one observation costs.</summary>
    [Alias("Echo")] Task<SightingReceipt> EchoAsync(VehicleObservation observation);

    /// <summary>Publishes the event VehicleGrain publishes per call, with no database: call + stream publish.</summary>
    [Alias("Publish")] Task<SightingReceipt> PublishAsync(VehicleObservation observation);
}

/// <summary>Lives only in the benchmark; never registered by the product.</summary>
public sealed class ProbeGrain : Grain, IProbeGrain
{
    private IAsyncStream<TwinEvent>? sightings;

    public Task<SightingReceipt> EchoAsync(VehicleObservation observation) =>
        Task.FromResult(new SightingReceipt(observation.Sightings.Count, 0, false));

    public async Task<SightingReceipt> PublishAsync(VehicleObservation observation)
    {
        sightings ??= this.GetStreamProvider(TwinStreams.Provider).GetStream<TwinEvent>(TwinStreams.For(TwinStreams.Sightings));
        var last = observation.Sightings[^1];
        await sightings.OnNextAsync(new SightingsRecorded
        {
            EntityKind = TwinEntityKinds.Vehicle, EntityId = this.GetPrimaryKeyString(), Location = last.Location, OccurredAt = last.SeenAt,
            DisplayPlate = last.PlateText ?? "", Kind = VehicleKind.Unknown, Sightings = observation.Sightings, Watched = false,
        });
        return new SightingReceipt(observation.Sightings.Count, 0, false);
    }
}
