using System.Collections.Concurrent;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Tests.Live;

/// <summary>Real twin events as the grains build them, and an observer that records what a hub delivers.</summary>
public static class LiveEvents
{
    public static SightingsRecorded Sighting(GeoPoint at, VehicleKind kind = VehicleKind.Motorbike, string plate = "59-X1 123.45") =>
        Sightings([at], kind, plate);

    /// <summary>One batch of sightings by several cameras; its location is the last one, as the vehicle grain sets it.</summary>
    public static SightingsRecorded Sightings(IReadOnlyList<GeoPoint> points, VehicleKind kind = VehicleKind.Motorbike, string plate = "59-X1 123.45") => new()
    {
        EntityKind = TwinEntityKinds.Vehicle, EntityId = plate.Replace("-", "").Replace(" ", "").Replace(".", ""), Location = points[^1],
        DisplayPlate = plate, Kind = kind, Watched = false,
        Sightings = points.Select((p, i) => new SightingInput($"cam-{i}:{Guid.NewGuid():N}", $"cam-{i}", DateTimeOffset.UtcNow, p, 0.9f)).ToList(),
    };

    public static CameraStatusChanged CameraStatus(GeoPoint at, bool online) =>
        new() { EntityKind = TwinEntityKinds.Camera, EntityId = "cam-1", Location = at, Online = online, WardCode = LiveTestCity.AnPhu };

    public static EntityChanged WatchlistEntry() =>
        new() { EntityKind = TwinEntityKinds.Watchlist, EntityId = "59X112345", Change = "entry-added" };

    /// <summary>A polygon through (lon, lat) pairs, closed here, in SRID 4326.</summary>
    public static Polygon Polygon(params double[] xy)
    {
        var coordinates = Enumerable.Range(0, xy.Length / 2).Select(i => new Coordinate(xy[2 * i], xy[2 * i + 1])).Append(new Coordinate(xy[0], xy[1]));
        return GeoFactory.Wgs84.CreatePolygon(coordinates.ToArray());
    }

    public static Polygon Box(double west, double south, double east, double north) =>
        (Polygon)GeoFactory.Wgs84.ToGeometry(new Envelope(west, east, south, north));
}

/// <summary>Records what a live subscription delivers, and waits for what a test expects.</summary>
public sealed class Recorder<T> : IObserver<T>
{
    private readonly ConcurrentQueue<T> received = new();

    public IReadOnlyList<T> Received => received.ToArray();

    public bool Completed { get; private set; }

    /// <summary>Waits until <paramref name="match"/> holds for what has arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<T>> WaitAsync(Func<IReadOnlyList<T>, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!match(Received))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"expected events did not arrive; {Received.Count} arrived");
            await Task.Delay(10);
        }
        return Received;
    }

    public void OnNext(T value) => received.Enqueue(value);

    public void OnError(Exception error) => throw new InvalidOperationException("a live stream reported an error", error);

    public void OnCompleted() => Completed = true;
}
