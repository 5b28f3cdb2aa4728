using System.Buffers.Binary;
using System.Text;
using CityTwin.Twin.Plates;
using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Network;
using Microsoft.AspNetCore.Http;

namespace CityTwin.Fuzz;

/// <summary>Each target reads one input the way the product reads untrusted bytes; only an unexpected exception is a crash.</summary>
internal static class FuzzTargets
{
    private const long MaxBytes = 4 * 1024 * 1024;

    private static readonly System.Reflection.Assembly Graph = typeof(CityTwin.Graph.DicomWeb.StowRsEndpoint).Assembly;
    private static readonly System.Reflection.Assembly Twin = typeof(PlateNumber).Assembly;

    public static readonly Dictionary<string, Action<byte[]>> All = new(StringComparer.Ordinal)
    {
        ["dicom-pdu"] = DicomPdu,
        ["dicom-dataset"] = DicomDataset,
        ["graphql-http"] = GraphQLHttp,
        ["websocket"] = WebSocketMessage,
        ["geojson"] = GeoJson,
        ["shapefile"] = Shapefile,
        ["plate"] = Plate,
    };

    /// <summary>An A-ASSOCIATE-RQ body, and the same bytes as a DIMSE command set.</summary>
    private static void DicomPdu(byte[] input)
    {
        try { AssociateRequest.Parse(input); }
        catch (DicomProtocolException) { }
        try { DimseCommand.Parse(input); }
        catch (DicomProtocolException) { }
    }

    /// <summary>A Part 10 file; and the bytes after the first as a bare data set in the syntax the first byte picks, de-identified when readable.</summary>
    private static void DicomDataset(byte[] input)
    {
        DicomReader.ReadPart10(input, MaxBytes);
        if (input.Length < 1) return;
        var syntax = TransferSyntax.Supported[input[0] % 4];
        var body = input[1..];
        if (DicomReader.ReadDataset(body, body.Length, syntax, MaxBytes).Header is not null)
        {
            try { Deidentifier.Deidentify(body, 0, body.Length, syntax, new string('a', 64), MaxBytes); }
            catch (DicomParseException) { }
        }
    }

    private static readonly System.Reflection.MethodInfo ReadPost = Internal.Method(Graph, "CityTwin.Graph.Transport.Http.HttpRequestReader", "ReadPostAsync",
        typeof(HttpRequest), typeof(int), typeof(CancellationToken));

    /// <summary>A GraphQL-over-HTTP POST body as <c>application/json</c>.</summary>
    private static void GraphQLHttp(byte[] input)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = input.Length;
        context.Request.Body = new MemoryStream(input);
        var task = (Task)Internal.Invoke(ReadPost, [context.Request, 256 * 1024, CancellationToken.None])!;
        task.GetAwaiter().GetResult();
    }

    private static readonly System.Reflection.MethodInfo TryParseMessage = Internal.Method(Graph, "CityTwin.Graph.Transport.WebSockets.ClientMessageParser", "TryParse",
        typeof(ReadOnlyMemory<byte>), typeof(string).MakeByRefType());

    /// <summary>One graphql-transport-ws client message.</summary>
    private static void WebSocketMessage(byte[] input) => Internal.Invoke(TryParseMessage, [(ReadOnlyMemory<byte>)input, null]);

    private static readonly System.Reflection.MethodInfo ReadGeoJson = Internal.Method(Twin, "CityTwin.Twin.Importers.GeoJsonSource", "Read", typeof(string));
    private static readonly System.Reflection.MethodInfo ReadShapefile = Internal.Method(Twin, "CityTwin.Twin.Importers.ShapefileSource", "Read", typeof(string));

    private static void GeoJson(byte[] input)
    {
        var folder = Directory.CreateTempSubdirectory("citytwin-fuzz-");
        try
        {
            var path = Path.Combine(folder.FullName, "layer.geojson");
            File.WriteAllBytes(path, input);
            Internal.Invoke(ReadGeoJson, [path], "ImportFileException");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Three files in one input: two big-endian uint32 lengths (.shp, .shx), then .shp, .shx and the rest as .dbf.</summary>
    private static void Shapefile(byte[] input)
    {
        if (input.Length < 8) return;
        var shpLength = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(input), (uint)(input.Length - 8));
        var shxLength = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(input.AsSpan(4)), (uint)(input.Length - 8 - shpLength));
        var folder = Directory.CreateTempSubdirectory("citytwin-fuzz-");
        try
        {
            var path = Path.Combine(folder.FullName, "layer.shp");
            File.WriteAllBytes(path, input[8..(8 + shpLength)]);
            File.WriteAllBytes(Path.ChangeExtension(path, ".shx"), input[(8 + shpLength)..(8 + shpLength + shxLength)]);
            File.WriteAllBytes(Path.ChangeExtension(path, ".dbf"), input[(8 + shpLength + shxLength)..]);
            Internal.Invoke(ReadShapefile, [path], "ImportFileException");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Plate(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        foreach (var layout in Enum.GetValues<PlateLayout>()) PlateNumber.TryParse(text, layout, out _, out _);
    }
}
