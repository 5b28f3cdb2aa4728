using System.Runtime.CompilerServices;
using CityTwin.Twin.Plates;
using CityTwin.Vision.Frames;
using OpenCvSharp;

namespace CityTwin.Vision.Traffic;

/// <summary>
/// Deterministic synthetic traffic: vehicles with valid Vietnamese plates drive past cameras, and every pass is
/// rendered to frames (plate drawn with OpenCV, vehicle, perspective, light, glare, blur, noise) stamped with a
/// simulated clock. Frames of all cameras come out in time order. The pipeline reads only these pixels;
/// <see cref="Truth"/> holds what was drawn, for tests. Frames are rendered when enumerated, never stored.
/// </summary>
public sealed class SyntheticTraffic : IFrameSource
{
    private readonly SyntheticTrafficOptions _options;
    private readonly Random _random;
    private readonly List<Scheduled> _passes = [];

    /// <summary>Creates empty traffic; add vehicles with <see cref="AddVehicle"/> or <see cref="AddRandomVehicles"/>.</summary>
    public SyntheticTraffic(SyntheticTrafficOptions? options = null)
    {
        _options = options ?? new SyntheticTrafficOptions();
        _random = new Random(_options.Seed);
    }

    /// <summary>Every pass added, in the order added.</summary>
    public IReadOnlyList<SyntheticPass> Truth => _passes.Select(p => p.Pass).ToList();

    /// <inheritdoc />
    public string Description => $"synthetic traffic (seed {_options.Seed}, {_passes.Count} passes)";

    /// <summary>
    /// A vehicle with <paramref name="plate"/> drives past <paramref name="cameraIds"/> in order, reaching the first at
    /// <paramref name="start"/> and each next one <paramref name="hop"/> later. Cars carry one-line plates, motorbikes
    /// two-line plates, so the plate's layout decides the vehicle.
    /// </summary>
    public IReadOnlyList<SyntheticPass> AddVehicle(PlateNumber plate, IReadOnlyList<string> cameraIds, DateTimeOffset start, TimeSpan hop)
    {
        ArgumentNullException.ThrowIfNull(plate);
        var kind = plate.Layout == PlateLayout.TwoLine ? VehicleKind.Motorbike : VehicleKind.Car;
        var colour = _random.Next(100);
        var lateral = _random.NextDouble() - 0.5;
        var added = new List<SyntheticPass>();
        for (var i = 0; i < cameraIds.Count; i++)
        {
            var conditions = _options.RandomConditions ? SceneConditions.Random(_random, kind) : new SceneConditions(false, 0, 2, false, 0, 0, 0, false);
            var passStart = start + hop * i;
            var end = passStart + _options.FrameInterval * (_options.FramesPerPass - 1);
            var pass = new SyntheticPass(plate, kind, cameraIds[i], passStart, end, conditions);
            _passes.Add(new Scheduled(pass, colour, lateral, _random.Next()));
            added.Add(pass);
        }
        return added;
    }

    /// <summary>
    /// <paramref name="count"/> random vehicles (about two motorbikes for each car), each driving the whole of
    /// <paramref name="route"/>, departing <paramref name="spacing"/> apart so no two are in front of one camera at once.
    /// </summary>
    public IReadOnlyList<SyntheticPass> AddRandomVehicles(int count, IReadOnlyList<string> route, DateTimeOffset start, TimeSpan spacing, TimeSpan hop)
    {
        var added = new List<SyntheticPass>();
        for (var v = 0; v < count; v++)
        {
            var kind = _random.NextDouble() < 0.35 ? VehicleKind.Car : VehicleKind.Motorbike;
            added.AddRange(AddVehicle(SyntheticPlates.Next(_random, kind), route, start + spacing * v, hop));
        }
        return added;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<VideoFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var frames = new List<(DateTimeOffset Time, string Camera, int Pass, int Frame)>();
        for (var p = 0; p < _passes.Count; p++)
        {
            var pass = _passes[p].Pass;
            for (var e = _options.EmptyFramesBefore; e > 0; e--)
                frames.Add((pass.Start - _options.FrameInterval * e, pass.CameraId, p, -e));
            for (var f = 0; f < _options.FramesPerPass; f++)
                frames.Add((pass.Start + _options.FrameInterval * f, pass.CameraId, p, f));
        }

        var backgrounds = new Dictionary<string, Mat>(StringComparer.Ordinal);
        var index = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            foreach (var (time, camera, p, f) in frames.OrderBy(x => x.Time).ThenBy(x => x.Camera, StringComparer.Ordinal).ThenBy(x => x.Pass))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!backgrounds.TryGetValue(camera, out var background))
                    backgrounds[camera] = background = SceneRenderer.Background(camera, _options.FrameSize);
                var image = f < 0 ? background.Clone() : RenderFrame(_passes[p], f, background);
                index[camera] = index.GetValueOrDefault(camera) + 1;
                yield return new VideoFrame(camera, time, index[camera] - 1, image);
                await Task.Yield();
            }
        }
        finally
        {
            foreach (var background in backgrounds.Values) background.Dispose();
        }
    }

    private Mat RenderFrame(Scheduled scheduled, int frame, Mat background)
    {
        var pass = scheduled.Pass;
        using var plate = PlateRenderer.Render(pass.Plate, pass.Conditions.YellowPlate);
        var progress = _options.FramesPerPass <= 1 ? 1 : (double)frame / (_options.FramesPerPass - 1);
        return SceneRenderer.Render(background, plate, pass.Kind, scheduled.Colour, scheduled.Lateral, progress, pass.Conditions,
            (int)(((long)scheduled.Seed * 31 + frame) & 0x7fffffff));
    }

    private sealed record Scheduled(SyntheticPass Pass, int Colour, double Lateral, int Seed);
}
