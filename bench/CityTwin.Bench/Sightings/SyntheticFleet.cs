using CityTwin.Twin.Plates;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;

namespace CityTwin.Bench.Sightings;

/// <summary>
/// Deterministic vehicles and cameras around Thu Duc: the same seed gives the same plates, so runs compare.
/// Plates go through <see cref="PlateNumber.Parse(string)"/>, so every grain key is one the product accepts.
/// </summary>
public sealed class SyntheticFleet
{
    private const int CameraCount = 120;
    // Ordinary series letters (I, J, O, Q, W and R are never issued alone).
    private const string SeriesLetters = "ABCDEFGHKLMNPSTUVXYZ";

    private readonly (string Id, GeoPoint Location)[] cameras;
    private long nextDetection;

    public SyntheticFleet(int vehicles, int seed = 20_261_125)
    {
        var random = new Random(seed);
        var plates = new List<PlateNumber>(vehicles);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (plates.Count < vehicles)
        {
            var plate = PlateNumber.Parse(NextPlateText(random));
            if (keys.Add(plate.CanonicalKey)) plates.Add(plate);
        }
        Plates = plates;
        cameras = Enumerable.Range(1, CameraCount)
            .Select(i => ($"bench-cam-{i:D3}", new GeoPoint(106.70 + random.NextDouble() * 0.18, 10.74 + random.NextDouble() * 0.16)))
            .ToArray();
    }

    /// <summary>The vehicles, one canonical plate each (grain keys are <see cref="PlateNumber.CanonicalKey"/>).</summary>
    public IReadOnlyList<PlateNumber> Plates { get; }

    /// <summary>An observation of <paramref name="count"/> fresh sightings: unique detection ids, seen now.</summary>
    public VehicleObservation Observe(PlateNumber plate, int count)
    {
        var sightings = new SightingInput[count];
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var sequence = Interlocked.Increment(ref nextDetection);
            var (cameraId, location) = cameras[sequence % CameraCount];
            sightings[i] = new SightingInput($"{cameraId}:{sequence}", cameraId, now, location, 0.9f, plate.Display);
        }
        return new VehicleObservation(sightings);
    }

    /// <summary>Four motorbikes (<c>59-X1 123.45</c>) for one car (<c>51G-123.45</c>), provinces 50–59 (HCMC).</summary>
    private static string NextPlateText(Random random)
    {
        var province = 50 + random.Next(10);
        var letter = SeriesLetters[random.Next(SeriesLetters.Length)];
        var number = random.Next(100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        var dotted = $"{number[..3]}.{number[3..]}";
        return random.Next(5) == 0
            ? $"{province}{letter}-{dotted}"
            : $"{province}-{letter}{1 + random.Next(9)} {dotted}";
    }
}
