using System.Diagnostics;
using CityTwin.Testing;
using CityTwin.Twin.Coverage;
using CityTwin.Twin.Demo;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Importers;
using CityTwin.Twin.Importers.RealLayers;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CityTwin.Twin.Tests.Importers.RealLayers;

/// <summary>The real Thu Duc layers from the shared data, loaded as <c>./run</c> loads them, and real coverage over them.</summary>
public sealed class RealLayerLoaderTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        services = new ServiceCollection().AddLogging().AddTwinDatabase(database.ConnectionString).AddTwinCoverage().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    [SkippableFact]
    public async Task Load_RealLayers_WardsRoadsAndCamerasThenUnchangedOnSecondLoad()
    {
        var root = SharedData.Root;
        Skip.If(root is null || !RealLayerFiles.Present(root), SharedData.Missing);
        await RegisterDemoWardsAsync();
        var loader = services.GetRequiredService<RealLayerLoader>();

        var first = await loader.LoadAsync(root!);
        var watch = Stopwatch.StartNew();
        var second = await loader.LoadAsync(root!);
        output.WriteLine($"second load: {watch.ElapsedMilliseconds} ms");

        Assert.All(first, r => Assert.Null(r.Error));
        Assert.Equal([ImportLayer.Districts, ImportLayer.Wards, ImportLayer.Roads, ImportLayer.Cameras], first.Select(r => r.Layer));
        Assert.Equal((34, 0), (first[1].Updated, first[1].Rejected.Count));
        Assert.Equal(2264, first[2].Inserted);
        Assert.Equal((119, 0), (first[3].Inserted, first[3].Rejected.Count));
        Assert.All(second, r => Assert.Equal(0, r.Inserted + r.Updated));
        await using var db = database.CreateContext();
        Assert.Equal(34, await db.Set<WardRow>().CountAsync(w => w.Boundary != null && w.Population > 0));
        // 2019 census of the 34 wards (the 36-ward total, with Binh An and Binh Khanh merged into An Khanh).
        Assert.Equal(1_169_967, await db.Set<WardRow>().SumAsync(w => w.Population ?? 0));
        Assert.Equal(119, await db.Set<CityTwin.Twin.Cameras.CameraRow>().CountAsync(c => c.Id.StartsWith("portal:")));
    }

    [SkippableFact]
    public async Task Coverage_RealCity_EveryFigureConsistent()
    {
        var root = SharedData.Root;
        Skip.If(root is null || !RealLayerFiles.Present(root), SharedData.Missing);
        await RegisterDemoWardsAsync();
        await services.GetRequiredService<RealLayerLoader>().LoadAsync(root!);
        var calculator = services.GetRequiredService<CoverageCalculator>();

        var watch = Stopwatch.StartNew();
        var report = await calculator.ComputeAsync(new CoverageRequest());
        output.WriteLine($"city-wide coverage: {watch.ElapsedMilliseconds} ms; {report.City.LengthM / 1000:F1} km, {report.City.Percent:F1}% covered");
        foreach (var c in report.Classes) output.WriteLine($"  {c.Class}: {c.Figures.LengthM / 1000:F1} km, {c.Figures.Percent:F1}%");

        Assert.InRange(report.City.Percent, 0.1, 99.9);
        Assert.Equal(report.City.LengthM, report.Wards.Sum(w => w.Figures.LengthM), 3);
        Assert.Equal(report.City.LengthM, report.Classes.Where(c => c.Class != RoadClass.Gateway).Sum(c => c.Figures.LengthM), 3);
        Assert.True(report.Classes.Single(c => c.Class == RoadClass.Gateway).Figures.LengthM > 0);
        Assert.Contains(report.Wards, w => !w.Approximate && w.Population > 0);
        // District 7 has no imported polygons here: its roads count in approximate cells, flagged.
        Assert.Contains(report.Wards, w => w.Approximate);
        var ward = report.Wards.First(w => !w.Approximate);
        var alone = await calculator.ComputeAsync(new CoverageRequest(ward.Code));
        Assert.Equal(ward.Figures.CoveredM, alone.City.CoveredM, 3);
    }

    private async Task RegisterDemoWardsAsync()
    {
        await using var db = database.CreateContext();
        foreach (var ward in DemoCity.Load().Wards)
            db.Add(new WardRow
            {
                Code = ward.Code, Name = ward.Name, DistrictName = ward.District, DistrictCode = ward.DistrictCode,
                LabelPoint = new GeoPoint(ward.Lon, ward.Lat).ToPoint(), Version = 1, UpdatedAt = DateTimeOffset.UtcNow,
            });
        await db.SaveChangesAsync();
    }
}
