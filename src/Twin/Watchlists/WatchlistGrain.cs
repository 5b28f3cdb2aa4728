using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Vehicles;

namespace CityTwin.Twin.Watchlists;

/// <summary>
/// One province's watchlist. After a change is stored it tells every vehicle the change can affect (the plate and
/// its one-confusion variants) what it now matches, so vehicles never ask the watchlist on the sighting path.
/// </summary>
public sealed class WatchlistGrain(
    [PersistentState("watchlist", PostGisGrainStorage.Name)] IPersistentState<WatchlistState> persisted,
    TimeProvider clock)
    : TwinGrain<WatchlistState>(persisted), IWatchlistGrain
{
    /// <summary>The watchlist grain a plate belongs to.</summary>
    public static IWatchlistGrain ForPlate(IGrainFactory grains, PlateNumber plate) =>
        grains.GetGrain<IWatchlistGrain>(plate.ProvinceCode);

    public async Task<WatchlistEntry> AddAsync(WatchlistRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PlateNumber.TryParse(request.PlateText, out var plate, out var error))
            throw new TwinValidationException($"watchlist: '{request.PlateText}' is not a Vietnamese plate: {error}");
        TwinValidationException.Require(plate.ProvinceCode == Key,
            $"watchlist {Key}: plate {plate.Display} belongs to province {plate.ProvinceCode}");
        request.Validate(clock);
        if (State.Entries.TryGetValue(plate.CanonicalKey, out var existing)) return existing;

        // Stored in UTC: a report given in local time (06:00+07:00) is the same instant, and PostgreSQL's timestamptz
        // parameters only take offset 0.
        var entry = new WatchlistEntry(plate.CanonicalKey, plate.Display, request.Reason.Trim(), request.ReportedAt.ToUniversalTime(),
            request.ReportedBy.Trim(), request.WardCode, clock.GetUtcNow());
        await CommitAsync(state => state.Entries[entry.PlateKey] = entry, TwinStreams.Entities,
            _ => new EntityChanged { EntityKind = TwinEntityKinds.Watchlist, EntityId = entry.PlateKey, Change = "entry-added" });
        await NotifyVehiclesAsync(entry.PlateKey);
        return entry;
    }

    public async Task<bool> RemoveAsync(string plateKey, string removedBy, string reason)
    {
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(removedBy), $"watchlist {plateKey}: removed-by is required");
        if (!State.Entries.ContainsKey(plateKey)) return false;
        var removal = new WatchlistRemoval(plateKey, removedBy.Trim(), reason?.Trim() ?? "", clock.GetUtcNow());
        await CommitAsync(state =>
            {
                state.Entries.Remove(plateKey);
                state.PendingRemovals.Add(removal);
            },
            TwinStreams.Entities,
            _ => new EntityChanged { EntityKind = TwinEntityKinds.Watchlist, EntityId = plateKey, Change = "entry-removed" });
        await NotifyVehiclesAsync(plateKey);
        return true;
    }

    public Task<IReadOnlyList<WatchlistEntry>> GetEntriesAsync() =>
        Task.FromResult<IReadOnlyList<WatchlistEntry>>(State.Entries.Values.OrderBy(e => e.AddedAt).ToList());

    public Task<WatchMatch?> MatchAsync(string plateKey) => Task.FromResult(BestMatch(plateKey));

    /// <summary>An exact entry wins over a one-confusion one; among those, the earliest report.</summary>
    private WatchMatch? BestMatch(string plateKey)
    {
        if (!PlateMatcher.IsCanonicalKey(plateKey)) return null;
        WatchMatch? best = null;
        foreach (var entry in State.Entries.Values.OrderBy(e => e.ReportedAt))
        {
            var match = PlateMatcher.Match(plateKey, entry.PlateKey);
            if (!match.IsMatch) continue;
            if (best is null || (match.Kind == PlateMatchKind.Exact && best.Kind != PlateMatchKind.Exact))
                best = new WatchMatch(entry.PlateKey, entry.DisplayPlate, match.Kind, entry.Reason, entry.ReportedAt);
        }
        return best;
    }

    private Task NotifyVehiclesAsync(string changedKey) =>
        Task.WhenAll(PlateMatcher.OneConfusionVariants(changedKey).Prepend(changedKey)
            .Select(candidate => GrainFactory.GetGrain<IVehicleGrain>(candidate).SetWatchAsync(BestMatch(candidate))));
}
