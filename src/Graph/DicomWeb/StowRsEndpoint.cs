using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Vision.Imaging.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CityTwin.Graph.DicomWeb;

/// <summary>
/// DICOMweb STOW-RS (PS3.18 10.5): <c>POST /dicomweb/studies[/{study}]</c> with <c>multipart/related;
/// type="application/dicom"</c>, one Part 10 instance per part. Each part is stored through the same intake as the
/// inbox, for the caller's clinic (a <c>clinic:&lt;id&gt;</c> key, or an operator key naming <c>?clinic=</c>). Each key is
/// held to <see cref="StowRsLimiter"/>'s rate and concurrency; the body is read one part at a time, and parts are stored in
/// batches, one transaction each, while the next batch is read.
/// </summary>
public sealed partial class StowRsEndpoint(
    IApiKeyStore keys,
    Part10Intake intake,
    ClinicDirectory clinics,
    StowRsLimiter limiter,
    IOptions<DicomWebOptions> options,
    IOptions<ImagingOptions> imaging,
    ILogger<StowRsEndpoint> logger)
{
    public const string DicomJson = "application/dicom+json";
    private const ushort FailureProcessing = 0x0110;

    /// <summary>Parts stored in one transaction at most; a batch is stored while the next is read, so two are in memory.</summary>
    private const int PartsPerBatch = 8;

    /// <summary>Bytes of parts gathered before a batch is stored, whatever their count.</summary>
    private const long BatchBytes = 16L * 1024 * 1024;

    /// <summary>The multipart reader's buffer: ASP.NET's 4 KiB default made a 1 MiB part cost 256 boundary scans.</summary>
    private const int ReadBufferBytes = 64 * 1024;

    public async Task HandleAsync(HttpContext context, string? study)
    {
        var principal = keys.Authenticate(context.Request.Headers.Authorization);
        if (principal is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ProblemAsync(context, StatusCodes.Status401Unauthorized, "a Bearer API key is required");
            return;
        }
        if (!Access.Allows(principal, Capability.StoreImaging))
        {
            await ProblemAsync(context, StatusCodes.Status403Forbidden, "only a clinic key or an operator key may store instances");
            return;
        }
        var (lease, refusal, retryAfter) = limiter.TryEnter(principal.KeyId);
        if (lease is null)
        {
            LogLimited(logger, principal.KeyId, refusal!);
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ProblemAsync(context, StatusCodes.Status429TooManyRequests, refusal!);
            return;
        }
        using (lease) await StoreAsync(context, principal, study);
    }

    private async Task StoreAsync(HttpContext context, TwinPrincipal principal, string? study)
    {
        var clinicId = principal.Role == TwinRole.Clinic ? principal.ClinicId : context.Request.Query["clinic"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(clinicId) || !await clinics.ExistsAsync(clinicId, context.RequestAborted))
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest,
                principal.Role == TwinRole.Operator ? "an operator must name an existing clinic: ?clinic=<id>" : $"clinic {clinicId} does not exist");
            return;
        }
        if (!TryGetBoundary(context.Request.ContentType, out var boundary, out var mediaProblem))
        {
            await ProblemAsync(context, mediaProblem == 415 ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest,
                mediaProblem == 415 ? "expected multipart/related; type=\"application/dicom\"" : "the multipart/related body has no boundary");
            return;
        }
        var maxRequest = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength > maxRequest)
        {
            await ProblemAsync(context, StatusCodes.Status413PayloadTooLarge, $"request of {context.Request.ContentLength} bytes exceeds the {maxRequest}-byte limit");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature) sizeFeature.MaxRequestBodySize = maxRequest;

        var response = new StoreInstancesResponse();
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/dicomweb/studies";
        var studies = new HashSet<string>(StringComparer.Ordinal);
        var reader = new MultipartReader(boundary, context.Request.Body, ReadBufferBytes) { BodyLengthLimit = null };
        var parts = 0;
        // Parts are gathered into batches, each stored in one transaction (StoreManyAsync) while the next batch is read:
        // a multi-instance request costs about the slower of reading and storing, and one commit per batch, not per part.
        var batch = new List<byte[]>();
        long batchBytes = 0;
        Task<IReadOnlyList<IntakeResult>>? storing = null;
        async Task DrainAsync()
        {
            if (storing is null) return;
            foreach (var result in await storing) Record(response, result, baseUrl, studies);
            storing = null;
        }
        async Task FlushAsync()
        {
            await DrainAsync();
            if (batch.Count == 0) return;
            storing = intake.ReceiveManyAsync([.. batch], clinicId, ReceiverSource.StowRs, context.RequestAborted, study);
            batch.Clear();
            batchBytes = 0;
        }
        try
        {
            for (var section = await reader.ReadNextSectionAsync(context.RequestAborted); section is not null; section = await reader.ReadNextSectionAsync(context.RequestAborted))
            {
                parts++;
                if (!IsDicomPart(section.ContentType))
                {
                    response.Failed(null, null, IntakeResult.CannotUnderstand);
                    await section.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                    continue;
                }
                var part = await ReadPartAsync(section.Body, imaging.Value.MaxInstanceBytes, context.RequestAborted);
                if (part is null)
                {
                    await DrainAsync();
                    await ProblemAsync(context, StatusCodes.Status413PayloadTooLarge, $"part {parts} exceeds the {imaging.Value.MaxInstanceBytes}-byte instance limit");
                    return;
                }
                batch.Add(part);
                batchBytes += part.LongLength;
                if (batch.Count >= PartsPerBatch || batchBytes >= BatchBytes) await FlushAsync();
            }
            await FlushAsync();
            await DrainAsync();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await DrainAsync();
            await ProblemAsync(context, StatusCodes.Status413PayloadTooLarge, $"request exceeds the {maxRequest}-byte limit");
            return;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            await DrainAsync();
            LogBadMultipart(logger, e.Message);
            await ProblemAsync(context, StatusCodes.Status400BadRequest, $"malformed multipart/related body: {e.Message}");
            return;
        }
        if (parts == 0)
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "the multipart/related body holds no parts");
            return;
        }
        if (study is not null) response.StudyRetrieveUrl = $"{baseUrl}/{study}";
        else if (studies.Count == 1) response.StudyRetrieveUrl = $"{baseUrl}/{studies.First()}";
        context.Response.StatusCode = response.FailedCount == 0 ? StatusCodes.Status200OK
            : response.StoredCount > 0 ? StatusCodes.Status202Accepted
            : StatusCodes.Status409Conflict;
        context.Response.ContentType = DicomJson;
        await context.Response.Body.WriteAsync(response.ToJson(), context.RequestAborted);
    }

    private void Record(StoreInstancesResponse response, IntakeResult result, string baseUrl, HashSet<string> studies)
    {
        var header = result.Header;
        if (result.Stored)
        {
            studies.Add(header!.StudyInstanceUid);
            response.Stored(header.SopClassUid, header.SopInstanceUid,
                $"{baseUrl}/{header.StudyInstanceUid}/series/{header.SeriesInstanceUid}/instances/{header.SopInstanceUid}");
            return;
        }
        LogRefused(logger, result.SopInstanceUid ?? "(unreadable)", result.Status, result.Reason);
        response.Failed(result.SopClassUid, result.SopInstanceUid, result.Transient ? FailureProcessing : result.Status);
    }

    /// <summary>A part's bytes, or null once it passes <paramref name="limit"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadPartAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream(capacity: (int)Math.Min(limit, 1024 * 1024));
        var chunk = new byte[ReadBufferBytes];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool IsDicomPart(string? contentType) =>
        contentType is null
        || (MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("application/dicom", StringComparison.OrdinalIgnoreCase));

    /// <summary>The boundary of a <c>multipart/related; type="application/dicom"</c> body; 415 for any other media type, 400 for no boundary.</summary>
    private static bool TryGetBoundary(string? contentType, out string boundary, out int problem)
    {
        boundary = "";
        problem = 415;
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        if (!media.MediaType.Equals("multipart/related", StringComparison.OrdinalIgnoreCase)) return false;
        var type = media.Parameters.FirstOrDefault(p => p.Name.Equals("type", StringComparison.OrdinalIgnoreCase))?.Value;
        if (type is not { } value || !HeaderUtilities.RemoveQuotes(value).Equals("application/dicom", StringComparison.OrdinalIgnoreCase)) return false;
        boundary = HeaderUtilities.RemoveQuotes(media.Boundary).ToString();
        problem = 400;
        return boundary.Length is > 0 and <= 70;
    }

    private static async Task ProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { status, detail }, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "STOW-RS refused {SopInstanceUid} with 0x{Status:X4}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string sopInstanceUid, ushort status, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "STOW-RS request of key {KeyId} refused: {Reason}")]
    private static partial void LogLimited(ILogger logger, string keyId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "STOW-RS request with a malformed body: {Reason}")]
    private static partial void LogBadMultipart(ILogger logger, string reason);
}
