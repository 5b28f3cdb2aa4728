using System.Buffers.Binary;
using CityTwin.Testing;
using CityTwin.Twin.Importers;
using static CityTwin.Testing.ImportTestFiles;

namespace CityTwin.Twin.Tests.Importers;

/// <summary>Inputs that bench/fuzz.sh (AFL++) found crashing or hanging the importers: each is now a clear file error.</summary>
public sealed class ImportFuzzRegressionTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly ImportTestFiles files = new();

    [Fact]
    public async Task GeoJson_InvalidUtf8InsideAPropertyString_ClearErrorNotACrash()
    {
        // A lone continuation byte (0x80) inside a property value: the JSON reader only notices when the value is read.
        var path = files.PathOf("bad-utf8.geojson");
        var text = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"1","name":"X"},"geometry":{"type":"Point","coordinates":[106.7,10.8]}}]}"""u8.ToArray();
        var name = Array.IndexOf(text, (byte)'X');
        text[name] = 0x80;
        await File.WriteAllBytesAsync(path, text);

        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.GeoJson, ImportLayer.Pois, path));

        Assert.Equal("bad-utf8.geojson: not a valid GeoJSON FeatureCollection: the file is not valid UTF-8", result.Error);
        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData(-100)] // moved the read position below zero: ArgumentOutOfRangeException
    [InlineData(-4)]   // moved it back to the same record for ever: a hang
    public async Task Shapefile_RecordWithNegativeLength_ClearErrorNotACrashOrHang(int contentWords)
    {
        var shp = new byte[108];
        BinaryPrimitives.WriteInt32BigEndian(shp, 9994);
        BinaryPrimitives.WriteInt32BigEndian(shp.AsSpan(24), shp.Length / 2);
        BinaryPrimitives.WriteInt32LittleEndian(shp.AsSpan(28), 1000);
        BinaryPrimitives.WriteInt32LittleEndian(shp.AsSpan(32), 1);
        BinaryPrimitives.WriteInt32BigEndian(shp.AsSpan(100), 1);
        BinaryPrimitives.WriteInt32BigEndian(shp.AsSpan(104), contentWords);
        var path = files.PathOf("negative.shp");
        await File.WriteAllBytesAsync(path, shp);
        await File.WriteAllBytesAsync(Path.ChangeExtension(path, ".shx"), shp[..100]);
        await File.WriteAllBytesAsync(Path.ChangeExtension(path, ".dbf"), new byte[33]);

        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.Shapefile, ImportLayer.Pois, path))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("negative.shp: truncated or damaged shapefile: record 1 declares a negative length", result.Error);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Shapefile_PolygonClaimingABillionParts_ClearErrorNotAHang()
    {
        // One polygon record of 56 content bytes whose counts say 1,212,232,222 parts and -1,003,163,432 points.
        var shp = new byte[100 + 8 + 56];
        BinaryPrimitives.WriteInt32BigEndian(shp, 9994);
        BinaryPrimitives.WriteInt32BigEndian(shp.AsSpan(24), shp.Length / 2);
        BinaryPrimitives.WriteInt32LittleEndian(shp.AsSpan(28), 1000);
        BinaryPrimitives.WriteInt32LittleEndian(shp.AsSpan(32), 5);
        BinaryPrimitives.WriteInt32BigEndian(shp.AsSpan(100), 1);
        BinaryPrimitives.WriteInt32BigEndian(shp.AsSpan(104), 28);
        BinaryPrimitives.WriteInt32LittleEndian(shp.AsSpan(108), 5);
        BinaryPrimitives.WriteInt32LittleEndian(shp.AsSpan(108 + 36), 1_212_232_222);
        BinaryPrimitives.WriteInt32LittleEndian(shp.AsSpan(108 + 40), -1_003_163_432);
        var path = files.PathOf("billion-parts.shp");
        await File.WriteAllBytesAsync(path, shp);
        await File.WriteAllBytesAsync(Path.ChangeExtension(path, ".shx"), shp[..100]);
        await File.WriteAllBytesAsync(Path.ChangeExtension(path, ".dbf"), new byte[33]);

        var result = await Importer(database).ImportAsync(new ImportOptions(ImportFormat.Shapefile, ImportLayer.Pois, path))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("billion-parts.shp: truncated or damaged shapefile: record 1 claims more parts or points than its 56 bytes hold", result.Error);
        Assert.Equal(1, result.ExitCode);
    }

    public void Dispose() => files.Dispose();
}
