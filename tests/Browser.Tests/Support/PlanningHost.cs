using CityTwin.Graph.Extensions;
using CityTwin.Twin.Importers.RealLayers;

namespace CityTwin.Browser.Tests.Support;

/// <summary>
/// The browser tests' host with a planner key and the real Thu Duc layers (roads, ward polygons, portal cameras) loaded
/// at start, as <c>./run</c> loads them. Its own host: the other browser tests draw the demo city only.
/// </summary>
public sealed class PlanningHost : MapHost
{
    public const string PlannerKey = "pl-map-tests-7d1e20c4a9f3";

    /// <summary>The shared data root, or null where the real layers are not on this machine (the tests then skip).</summary>
    public static string? SharedRoot { get; } = RealLayerFiles.Root(Environment.GetEnvironmentVariable("CITYTWIN_SHARED")) is { } root && RealLayerFiles.Present(root) ? root : null;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new($"CityTwin:ApiKeys:{PlannerKey}", "planner"),
        new(CoverageExtensions.LoadRealLayersKey, SharedRoot is null ? "false" : "true"),
        new("CityTwin:RealLayers:SharedRoot", SharedRoot),
    ];
}

/// <summary>The planner map tests share one host with the real layers.</summary>
[CollectionDefinition(Name)]
public sealed class PlanningCollection : ICollectionFixture<PlanningHost>
{
    public const string Name = "planning-map";
}
