using BenchmarkDotNet.Attributes;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Spatial;
using NetTopologySuite.Geometries;

namespace CityTwin.Bench.Micro;

/// <summary>A camera's ground footprint, computed when a camera registers or turns (UTM round trip included).</summary>
[MemoryDiagnoser, ShortRunJob]
public class ViewAreaBenchmarks
{
    private static readonly GeoPoint ThuDuc = new(106.7700, 10.8500);

    /// <summary>A fixed street camera: 90° field of view, 150 m range.</summary>
    [Benchmark]
    public Polygon Sector() => ViewArea.Compute(ThuDuc, headingDegrees: 45, fieldOfViewDegrees: 90, rangeMetres: 150);

    /// <summary>A 360° PTZ tower with about 1 km of zoom, as at Tan Thuan Dong.</summary>
    [Benchmark]
    public Polygon Disc360() => ViewArea.Compute(ThuDuc, headingDegrees: 0, fieldOfViewDegrees: 360, rangeMetres: 1_000);
}
