using System.Text.Json;
using CityTwin.Graph.Execution;
using CityTwin.Twin.CameraEvents;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CityTwin.Graph.CameraEvents;

/// <summary>
/// Reads the webhook's body, bounded by the body limit: <c>application/json</c> (<c>{ "events": [...] }</c>, snapshots
/// as base64) or <c>multipart/form-data</c> (a <c>batch</c> part holding that JSON, and one JPEG part per snapshot that
/// an event names in <c>snapshotPart</c>). A snapshot part is read only up to one byte past the snapshot limit, so an
/// oversized one costs no more memory than a good one.
/// </summary>
public static class CameraEventsBody
{
    /// <summary>The multipart part that carries the JSON batch.</summary>
    public const string BatchPart = "batch";

    /// <summary>Most parts in one request: a batch's worth of snapshots and the batch itself.</summary>
    public const int MaxParts = CameraEventLimits.MaxBatch + 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The request and its snapshot parts, or the status and refusal to answer with.</summary>
    public sealed record Read(CameraEventsRequest? Request, UploadedSnapshots? Snapshots, int Status, CameraEventsResponse? Refusal)
    {
        public static Read Fail(int status, string code, string message) => new(null, null, status, CameraEventsResponse.Refused(code, message));
    }

    public static bool IsJson(MediaTypeHeaderValue mediaType) => mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    public static bool IsMultipart(MediaTypeHeaderValue mediaType) => mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    public static async Task<Read> ReadJsonAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(request.Body, limit, cancellationToken);
        return body is null ? TooLarge(limit) : Parse(body);
    }

    public static async Task<Read> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue mediaType, int limit, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
            return Read.Fail(StatusCodes.Status400BadRequest, "BAD_MULTIPART", "multipart/form-data needs a boundary of 1..70 characters.");
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limit, HeadersCountLimit = 16, HeadersLengthLimit = 4096 };
        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var oversized = new HashSet<string>(StringComparer.Ordinal);
        byte[]? batch = null;
        try
        {
            for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null;
                 section = await reader.ReadNextSectionAsync(cancellationToken))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 and <= 64 } name)
                    return Read.Fail(StatusCodes.Status400BadRequest, "BAD_MULTIPART", "Every part needs 'Content-Disposition: form-data; name=\"…\"' (a name of 1..64 characters).");
                if (parts.ContainsKey(name) || oversized.Contains(name) || (name == BatchPart && batch is not null))
                    return Read.Fail(StatusCodes.Status400BadRequest, "BAD_MULTIPART", $"The part '{name}' appears twice.");
                if (parts.Count + oversized.Count + 1 > MaxParts)
                    return Read.Fail(StatusCodes.Status400BadRequest, "BAD_MULTIPART", $"At most {MaxParts} parts: the batch and one snapshot per event.");
                if (name == BatchPart)
                {
                    batch = await ReadBoundedAsync(section.Body, limit, cancellationToken);
                    if (batch is null) return TooLarge(limit);
                    continue;
                }
                var bytes = await ReadBoundedAsync(section.Body, CameraEventLimits.MaxSnapshotBytes, cancellationToken);
                if (bytes is null)
                {
                    // Drained, not kept: the event that names it gets SNAPSHOT_TOO_LARGE with the rest of the batch's errors.
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                    oversized.Add(name);
                }
                else parts[name] = bytes;
            }
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(limit);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return Read.Fail(StatusCodes.Status400BadRequest, "BAD_MULTIPART", $"The multipart body is malformed: {e.Message}");
        }
        if (batch is null)
            return Read.Fail(StatusCodes.Status400BadRequest, "BAD_MULTIPART", $"The multipart body needs a '{BatchPart}' part holding {{ \"events\": [ ... ] }}.");
        var read = Parse(batch);
        if (read.Request?.Events is not { } events) return read;
        var named = events.Select(e => e?.SnapshotPart).Where(p => p is not null).ToHashSet(StringComparer.Ordinal);
        if (parts.Keys.Concat(oversized).FirstOrDefault(p => !named.Contains(p)) is { } stray)
            return Read.Fail(StatusCodes.Status400BadRequest, "BAD_MULTIPART", $"The part '{stray}' is not named by any event's snapshotPart.");
        return read with { Snapshots = new UploadedSnapshots(parts, oversized) };
    }

    private static Read Parse(byte[] body)
    {
        CameraEventsRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<CameraEventsRequest>(body, Json);
        }
        catch (JsonException e)
        {
            return Read.Fail(StatusCodes.Status400BadRequest, "BAD_JSON", $"The body is not the expected JSON: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            return Read.Fail(StatusCodes.Status400BadRequest, "BAD_JSON", JsonText.LoneSurrogate);
        }
        return request?.Events is null
            ? Read.Fail(StatusCodes.Status400BadRequest, "BAD_JSON", "The body must be { \"events\": [ ... ] }.")
            : new Read(request, null, StatusCodes.Status200OK, null);
    }

    private static Read TooLarge(int limit) => Read.Fail(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE",
        $"The body exceeds {limit} bytes; send fewer events or smaller snapshots per request.");

    /// <summary>Up to <paramref name="limit"/> bytes of the stream; null when it holds more.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
