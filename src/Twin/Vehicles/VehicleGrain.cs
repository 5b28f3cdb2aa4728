using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Vehicles.Routes;
using CityTwin.Twin.Vehicles.Sightings;
using CityTwin.Twin.Watchlists;

namespace CityTwin.Twin.Vehicles;

/// <summary>
/// A vehicle's live trace. Its identity row is written once; sightings go to the shared group-commit log and are
/// published only after they are committed. Watch status comes from the watchlist of the plate's province.
/// </summary>
public sealed class VehicleGrain(
    [PersistentState("vehicle", PostGisGrainStorage.Name)] IPersistentState<VehicleState> persisted,
    ISightingLog sightingLog,
    IRoadNetwork roadNetwork,
    TimeProvider clock)
    : TwinGrain<VehicleState>(persisted), IVehicleGrain
{
    /// <summary>Sightings kept in memory for the trace; older ones stay in the database.</summary>
    private const int RecentLimit = 500;

    /// <summary>Sightings the route is computed from: enough for the map, few enough to match to roads per lookup.</summary>
    private const int RouteSightings = 100;

    /// <summary>Largest batch accepted in one call; a bigger one is a client error, not a workload.</summary>
    public const int MaxBatch = 1_000;

    private readonly List<SightingInput> recent = [];
    private readonly HashSet<string> recentIds = new(StringComparer.Ordinal);
    private PlateNumber? plate;
    private string? invalidKeyReason;
    private WatchMatch? watch;
    private VehicleRoute? route;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!PlateNumber.TryParse(Key, out var parsed, out var error) || parsed.CanonicalKey != Key)
        {
            invalidKeyReason = $"vehicle '{Key}': not a canonical Vietnamese plate ({error ?? "use uppercase without separators, e.g. 59X112345"})";
            return;
        }
        plate = parsed;
        if (Exists)
            Remember(await sightingLog.ReadRecentAsync(Key, RecentLimit, cancellationToken));
        watch = await GrainFactory.GetGrain<IWatchlistGrain>(parsed.ProvinceCode).MatchAsync(Key);
    }

    public Task<VehicleSnapshot?> GetAsync() =>
        Task.FromResult(Exists ? new VehicleSnapshot(Key, State.DisplayPlate, State.Kind, State.FirstSeenAt, watch, recent.ToArray()) : null);

    public async Task<VehicleRoute?> GetRouteAsync()
    {
        if (!Exists || recent.Count == 0) return null;
        // Cached until the next sighting; cameras added meanwhile join the prediction with the next read.
        if (route is not null) return route;
        var (roads, cameras) = await roadNetwork.GetAsync();
        return route = VehicleRoutePlanner.Plan(recent.TakeLast(RouteSightings).ToList(), roads, cameras);
    }

    public Task SetWatchAsync(WatchMatch? match)
    {
        watch = match;
        return Task.CompletedTask;
    }

    public async Task<SightingReceipt> RecordSightingsAsync(VehicleObservation observation)
    {
        var valid = EnsureValidPlate();
        ArgumentNullException.ThrowIfNull(observation);
        TwinValidationException.Require(observation.Sightings.Count is > 0 and <= MaxBatch,
            $"vehicle {Key}: a batch holds 1..{MaxBatch} sightings, not {observation.Sightings.Count}");
        foreach (var sighting in observation.Sightings) sighting.Validate(Key, clock);

        var candidates = observation.Sightings
            .DistinctBy(s => s.DetectionId, StringComparer.Ordinal)
            .Where(s => !recentIds.Contains(s.DetectionId))
            .ToList();
        if (candidates.Count == 0)
            return new SightingReceipt(0, observation.Sightings.Count, watch is not null);

        // The identity row comes first: if it cannot be stored, no sighting is, and a retry starts clean.
        if (!Exists)
        {
            var asRead = AsRead(candidates, observation.Kind) ?? valid;
            var kind = observation.Kind != VehicleKind.Unknown ? observation.Kind : KindOf(asRead.Layout);
            await CommitAsync(state =>
                {
                    state.DisplayPlate = asRead.Display;
                    state.ProvinceCode = valid.ProvinceCode;
                    state.Kind = kind;
                    state.FirstSeenAt = candidates.Min(s => s.SeenAt);
                },
                TwinStreams.Entities,
                _ => new EntityChanged { EntityKind = TwinEntityKinds.Vehicle, EntityId = Key, Location = candidates[^1].Location, Change = "first-seen" });
        }

        var inserted = await sightingLog.AppendAsync(Key, candidates);
        var fresh = candidates.Where(s => inserted.Contains(s.DetectionId)).OrderBy(s => s.SeenAt).ToList();
        if (fresh.Count == 0)
            return new SightingReceipt(0, observation.Sightings.Count, watch is not null);

        var firstSinceReport = watch is not null && !recent.Any(s => s.SeenAt >= watch.ReportedAt);
        Remember(fresh);
        route = null;
        await PublishAsync(TwinStreams.Sightings, new SightingsRecorded
        {
            EntityKind = TwinEntityKinds.Vehicle, EntityId = Key, Location = fresh[^1].Location, OccurredAt = fresh[^1].SeenAt,
            DisplayPlate = State.DisplayPlate, Kind = State.Kind, Sightings = fresh, Watched = watch is not null,
        });
        if (watch is not null)
            await PublishHitAsync(watch, fresh[^1], firstSinceReport);
        return new SightingReceipt(fresh.Count, observation.Sightings.Count - fresh.Count, watch is not null);
    }

    private Task PublishHitAsync(WatchMatch match, SightingInput sighting, bool first) =>
        PublishAsync(TwinStreams.Alerts, new WatchlistHit
        {
            EntityKind = TwinEntityKinds.Vehicle, EntityId = Key, Location = sighting.Location, OccurredAt = sighting.SeenAt,
            DisplayPlate = State.DisplayPlate, WatchedPlateKey = match.WatchedPlateKey, MatchKind = match.Kind,
            CameraId = sighting.CameraId, SeenAt = sighting.SeenAt, Confidence = sighting.Confidence,
            Reason = match.Reason, First = first, DetectionId = sighting.DetectionId, CropId = sighting.CropId,
        });

    /// <summary>Adds sightings in time order (late reads land in their place) and trims the oldest.</summary>
    private void Remember(IEnumerable<SightingInput> sightings)
    {
        foreach (var s in sightings)
        {
            if (!recentIds.Add(s.DetectionId)) continue;
            var index = recent.Count;
            while (index > 0 && recent[index - 1].SeenAt > s.SeenAt) index--;
            recent.Insert(index, s);
        }
        while (recent.Count > RecentLimit)
        {
            recentIds.Remove(recent[0].DetectionId);
            recent.RemoveAt(0);
        }
    }

    /// <summary>
    /// The plate as the readers wrote it. A key such as 51G13628 fits a car (51G-136.28) and a motorbike (51-G1 3628);
    /// the separators of a read, or the kind of vehicle the reader saw, pick the layout the plate really has.
    /// </summary>
    private PlateNumber? AsRead(IEnumerable<SightingInput> sightings, VehicleKind kind)
    {
        var hint = kind switch { VehicleKind.Car => PlateLayout.OneLine, VehicleKind.Motorbike => PlateLayout.TwoLine, _ => PlateLayout.Unknown };
        foreach (var text in sightings.Select(s => s.PlateText).OfType<string>())
        {
            if (PlateNumber.TryParse(text, hint, out var read, out _) && read.CanonicalKey == Key) return read;
        }
        return PlateNumber.TryParse(Key, hint, out var fromKey, out _) ? fromKey : null;
    }

    private PlateNumber EnsureValidPlate() =>
        plate ?? throw new TwinValidationException(invalidKeyReason ?? $"vehicle '{Key}': not a valid plate");

    private static VehicleKind KindOf(PlateLayout layout) => layout switch
    {
        PlateLayout.OneLine => VehicleKind.Car,
        PlateLayout.TwoLine => VehicleKind.Motorbike,
        _ => VehicleKind.Unknown,
    };
}
