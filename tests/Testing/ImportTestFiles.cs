using System.Text;
using CityTwin.Twin.Importers;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Testing;

/// <summary>
/// Hand-written input files in a private temp folder, and the shared real layers. A test whose shared file is absent
/// is reported skipped: <see cref="Geo"/> throws Xunit.SkippableFact's <c>SkipException</c>, so such tests are
/// <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>.
/// </summary>
public sealed class ImportTestFiles : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("citytwin-import-").FullName;

    /// <summary>A file with <paramref name="text"/> (UTF-8) named <paramref name="name"/> in the temp folder.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>A GeoJSON FeatureCollection of <paramref name="features"/> written to <paramref name="name"/>.</summary>
    public string Collection(string name, params string[] features) =>
        Write(name, $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""");

    /// <summary>The full path of <paramref name="name"/> in the temp folder, for files a test writes itself.</summary>
    public string PathOf(string name) => Path.Combine(folder, name);

    /// <summary>A GeoJSON feature; <paramref name="properties"/> is a JSON object literal.</summary>
    public static string Feature(string properties, string geometry) =>
        $$"""{"type":"Feature","properties":{{properties}},"geometry":{{geometry}}}""";

    /// <summary>A GeoJSON point.</summary>
    public static string Point(double lon, double lat) =>
        FormattableString.Invariant($$"""{"type":"Point","coordinates":[{{lon}},{{lat}}]}""");

    /// <summary>A GeoJSON line through the given (x, y) pairs.</summary>
    public static string Line(params double[] xy) =>
        $$"""{"type":"LineString","coordinates":[{{Pairs(xy)}}]}""";

    /// <summary>A GeoJSON polygon with one ring through the given (x, y) pairs (closed by the caller).</summary>
    public static string Polygon(params double[] xy) =>
        $$"""{"type":"Polygon","coordinates":[[{{Pairs(xy)}}]]}""";

    /// <summary>The path of a shared real layer under <c>data/geo</c>; skips the test when it is absent.</summary>
    public static string Geo(params string[] relative) =>
        SharedData.File(["data", "geo", .. relative])
        ?? throw new SkipException($"{SharedData.Missing}: data/geo/{string.Join('/', relative)}");

    /// <summary>An importer on the test database.</summary>
    public static GisImporter Importer(TestDatabase database) =>
        new(database.Services.GetRequiredService<IDbContextFactory<TwinDbContext>>());

    /// <summary>Fails with the whole result when the import did not go through cleanly.</summary>
    public static void AssertClean(ImportResult result)
    {
        Assert.True(result.Error is null && result.Rejected.Count == 0 && result.Written,
            $"import of {Path.GetFileName(result.File)} failed: {result.Error} {string.Join("; ", result.Rejected.Take(5).Select(r => $"#{r.Index} {r.Id}: {r.Reason}"))}");
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }

    private static string Pairs(double[] xy) =>
        string.Join(",", Enumerable.Range(0, xy.Length / 2).Select(i => FormattableString.Invariant($"[{xy[2 * i]},{xy[2 * i + 1]}]")));
}
