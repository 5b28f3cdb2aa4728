using System.Text.Json.Nodes;
using CityTwin.Graph.Auth;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Vision.Imaging.Rendering;
using CityTwin.Vision.Imaging.Storage;

namespace CityTwin.Graph.DicomWeb;

/// <summary>
/// DICOMweb WADO-RS (PS3.18 10.4): a study, series or instance of the caller's clinic as <c>multipart/related;
/// type="application/dicom"</c> (the stored Part 10 files, byte for byte), its metadata as <c>application/dicom+json</c>,
/// and an instance rendered as JPEG (decoded in the GDCM worker pool). Another clinic's UIDs answer 404, as unknown
/// ones do.
/// </summary>
public sealed class WadoRsEndpoint(IApiKeyStore keys, DicomWebInstances instances, ContentAddressedFiles files, JpegRenderer renderer)
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

    public async Task MetadataAsync(HttpContext context, string study, string? series, string? instance)
    {
        var rows = await FindAsync(context, study, series, instance);
        if (rows is null) return;
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{DicomWebExtensions.Path}";
        JsonArray results = [.. rows.Select(r =>
        {
            var dataset = DicomJson.Instance(r, baseUrl);
            DicomJson.Set(dataset, "00020010", "UI", r.TransferSyntaxUid);
            return dataset;
        })];
        context.Response.ContentType = StowRsEndpoint.DicomJson;
        await context.Response.WriteAsync(results.ToJsonString(), context.RequestAborted);
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
