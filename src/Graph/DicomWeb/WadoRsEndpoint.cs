using System.Text.Json.Nodes;
using CityTwin.Graph.Auth;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Dicom.Json;
using CityTwin.Vision.Imaging.Rendering;
using CityTwin.Vision.Imaging.Storage;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.DicomWeb;

/// <summary>
/// DICOMweb WADO-RS (PS3.18 10.4): a study, series or instance of the caller's clinic as <c>multipart/related;
/// type="application/dicom"</c> (the stored Part 10 files, byte for byte), its metadata as <c>application/dicom+json</c>
/// (every attribute of the stored file, bulk data by URI),
/// and an instance rendered as JPEG (decoded in the GDCM worker pool). Another clinic's UIDs answer 404, as unknown
/// ones do.
/// </summary>
public sealed class WadoRsEndpoint(IApiKeyStore keys, DicomWebInstances instances, ContentAddressedFiles files, JpegRenderer renderer,
    IOptions<ImagingOptions> imaging)
{
    private const int MaxInstancesPerRequest = 10_000;

    public async Task RetrieveAsync(HttpContext context, string study, string? series, string? instance)
    {
        var rows = await FindAsync(context, study, series, instance);
        if (rows is null) return;
        var accept = context.Request.Headers.Accept.ToString();
        if (accept.Length > 0 && !accept.Contains("multipart/related", StringComparison.OrdinalIgnoreCase) && !accept.Contains("*/*", StringComparison.Ordinal))
        {
            await DicomWebScope.ProblemAsync(context, StatusCodes.Status406NotAcceptable, "instances are served as multipart/related; type=\"application/dicom\"");
            return;
        }
        var boundary = $"citytwin-{Guid.NewGuid():N}";
        context.Response.ContentType = $"multipart/related; type=\"application/dicom\"; boundary={boundary}";
        var body = context.Response.Body;
        foreach (var row in rows)
        {
            await body.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Type: application/dicom\r\nContent-Length: {row.SizeBytes}\r\n\r\n"), context.RequestAborted);
            await using (var file = File.OpenRead(files.PathOf(row.Sha256))) await file.CopyToAsync(body, context.RequestAborted);
            await body.WriteAsync("\r\n"u8.ToArray(), context.RequestAborted);
        }
        await body.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"--{boundary}--\r\n"), context.RequestAborted);
    }

    /// <summary>
    /// Every attribute of each stored instance as DICOM JSON (PS3.18 F.2), read from its file; bulk data is a
    /// <c>BulkDataURI</c> served by <see cref="BulkDataAsync"/>.
    /// </summary>
    public async Task MetadataAsync(HttpContext context, string study, string? series, string? instance)
    {
        var rows = await FindAsync(context, study, series, instance);
        if (rows is null) return;
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{DicomWebExtensions.Path}";
        var results = new JsonArray();
        foreach (var row in rows)
        {
            var file = await File.ReadAllBytesAsync(files.PathOf(row.Sha256), context.RequestAborted);
            JsonObject dataset;
            try
            {
                dataset = DicomJsonWriter.FromPart10(file, $"{baseUrl}/studies/{row.StudyInstanceUid}/series/{row.SeriesInstanceUid}/instances/{row.SopInstanceUid}/bulkdata",
                    imaging.Value.MaxInstanceBytes);
            }
            catch (DicomParseException e)
            {
                // Stored files were walked when they arrived, so this is damage on disk: say which instance.
                await DicomWebScope.ProblemAsync(context, StatusCodes.Status500InternalServerError, $"instance {row.SopInstanceUid} cannot be read: {e.Message}");
                return;
            }
            DicomJson.Set(dataset, "00020010", "UI", row.TransferSyntaxUid);
            DicomJson.Set(dataset, "00081190", "UR", $"{baseUrl}/studies/{row.StudyInstanceUid}/series/{row.SeriesInstanceUid}/instances/{row.SopInstanceUid}");
            results.Add(Sorted(dataset));
        }
        context.Response.ContentType = StowRsEndpoint.DicomJson;
        await context.Response.WriteAsync(results.ToJsonString(), context.RequestAborted);
    }

    /// <summary>The value of one top-level attribute (<c>/bulkdata/{tag}</c>, 8 hex digits) as <c>multipart/related; type="application/octet-stream"</c>.</summary>
    public async Task BulkDataAsync(HttpContext context, string study, string series, string instance, string tag)
    {
        if (tag.Length != 8 || !uint.TryParse(tag, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            await DicomWebScope.ProblemAsync(context, StatusCodes.Status400BadRequest, "a bulk data tag is 8 hexadecimal digits, e.g. 7FE00010");
            return;
        }
        var rows = await FindAsync(context, study, series, instance);
        if (rows is null) return;
        var file = await File.ReadAllBytesAsync(files.PathOf(rows[0].Sha256), context.RequestAborted);
        if (BulkData.Of(file, number, imaging.Value.MaxInstanceBytes) is not { } value)
        {
            await DicomWebScope.ProblemAsync(context, StatusCodes.Status404NotFound, $"the instance has no attribute {tag}");
            return;
        }
        var boundary = $"citytwin-{Guid.NewGuid():N}";
        context.Response.ContentType = $"multipart/related; type=\"application/octet-stream\"; boundary={boundary}";
        var body = context.Response.Body;
        await body.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Type: application/octet-stream\r\nContent-Length: {value.Length}\r\n\r\n"), context.RequestAborted);
        await body.WriteAsync(value, context.RequestAborted);
        await body.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n"), context.RequestAborted);
    }

    /// <summary>PS3.18 F.2 orders attributes by tag; the added ones go where they belong.</summary>
    private static JsonObject Sorted(JsonObject dataset)
    {
        var sorted = new JsonObject();
        foreach (var key in dataset.Select(p => p.Key).Order(StringComparer.Ordinal).ToList())
        {
            var node = dataset[key];
            dataset.Remove(key);
            sorted[key] = node;
        }
        return sorted;
    }

    public async Task RenderedAsync(HttpContext context, string study, string series, string instance)
    {
        var rows = await FindAsync(context, study, series, instance);
        if (rows is null) return;
        var quality = int.TryParse(context.Request.Query["quality"], out var q) ? q : 90;
        var (jpeg, error) = await renderer.RenderAsync(files.PathOf(rows[0].Sha256), quality, context.RequestAborted);
        if (jpeg is null)
        {
            await DicomWebScope.ProblemAsync(context, StatusCodes.Status422UnprocessableEntity, $"the instance cannot be rendered: {error}");
            return;
        }
        context.Response.ContentType = "image/jpeg";
        await context.Response.Body.WriteAsync(jpeg, context.RequestAborted);
    }

    /// <summary>The clinic's rows for the path, or null after answering 400/401/403/404.</summary>
    private async Task<List<ImagingInstanceRow>?> FindAsync(HttpContext context, string study, string? series, string? instance)
    {
        var (clinicId, status, problem) = DicomWebScope.Resolve(keys, context);
        if (clinicId is null)
        {
            await DicomWebScope.ProblemAsync(context, status, problem!);
            return null;
        }
        if (new[] { study, series, instance }.Any(uid => uid is not null && !QidoQuery.IsUid(uid)))
        {
            await DicomWebScope.ProblemAsync(context, StatusCodes.Status400BadRequest, "the path names a malformed UID");
            return null;
        }
        var rows = await instances.FindAsync(clinicId, study, series, instance, null, 0, MaxInstancesPerRequest, context.RequestAborted);
        if (rows.Count == 0)
        {
            await DicomWebScope.ProblemAsync(context, StatusCodes.Status404NotFound, "no such study, series or instance");
            return null;
        }
        return rows;
    }
}
