using System.Text.Json;
using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Dicom.Writing;
using CityTwin.Vision.Imaging.Network.Scu;
using CityTwin.Vision.Imaging.Storage;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Forwarding;

/// <summary>
/// Turns a forwarding row into the instance to send: the stored image as it was received, or the reading written as a
/// structured report under the image's patient and study. A missing or unreadable source is a permanent failure.
/// </summary>
public sealed class ForwardPayloads(ForwardingSql sql, ContentAddressedFiles files, IOptions<ImagingOptions> imaging)
{
    /// <summary>Used where a reading's row does not name its model (rows written before the model name was stored).</summary>
    public const string UnknownModel = "unknown model";

    public async Task<ScuInstance> BuildAsync(ForwardJob job, CancellationToken cancellationToken) => job.Kind switch
    {
        ForwardingState.Image => (await ImageAsync(job.ClinicId, job.SourceId, new HashSet<uint>(), cancellationToken)).Instance,
        ForwardingState.Report => await ReportAsync(job, cancellationToken),
        _ => throw new PacsException($"unknown forwarding kind '{job.Kind}'", transient: false),
    };

    private async Task<(ScuInstance Instance, Part10File File, string SeriesInstanceUid)> ImageAsync(string clinicId, string sopInstanceUid, IReadOnlySet<uint> attributes, CancellationToken cancellationToken)
    {
        var image = await sql.ImageAsync(clinicId, sopInstanceUid, cancellationToken)
            ?? throw new PacsException($"image {sopInstanceUid} is not stored here", transient: false);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(files.PathOf(image.Sha256), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PacsException($"the stored file of {sopInstanceUid} cannot be read: {e.Message}", transient: false, e);
        }
        var (file, error) = Part10File.Read(bytes, attributes, imaging.Value.MaxInstanceBytes);
        if (file is null) throw new PacsException($"the stored file of {sopInstanceUid} is not readable DICOM: {error}", transient: false);
        var header = file.Header;
        return (new ScuInstance(header.SopClassUid, header.SopInstanceUid, header.TransferSyntaxUid, file.DataSet), file, image.SeriesInstanceUid);
    }

    private async Task<ScuInstance> ReportAsync(ForwardJob job, CancellationToken cancellationToken)
    {
        var json = await sql.ReadingJsonAsync(long.Parse(job.SourceId, System.Globalization.CultureInfo.InvariantCulture), cancellationToken)
            ?? throw new PacsException($"reading {job.SourceId} no longer exists", transient: false);
        using var reading = JsonDocument.Parse(json);
        var row = reading.RootElement;
        var imageUid = row.TryGetProperty("sop_instance_uid", out var sop) && sop.ValueKind == JsonValueKind.String ? sop.GetString()! : null;
        if (imageUid is null) throw new PacsException($"reading {job.SourceId} does not name the image it read", transient: false);
        var (_, file, seriesUid) = await ImageAsync(job.ClinicId, imageUid, StructuredReportWriter.CopiedAttributes, cancellationToken);
        var labels = Strings(row, "finding_labels");
        var scores = row.GetProperty("finding_scores").EnumerateArray().Select(s => s.GetSingle()).ToList();
        var modelVersion = row.GetProperty("model_version").GetString() ?? "";
        var report = new AiReport(
            StudyInstanceUid: row.GetProperty("study_instance_uid").GetString()!,
            SourceSeriesInstanceUid: seriesUid,
            SourceSopInstanceUid: imageUid,
            SourceSopClassUid: file.Header.SopClassUid,
            Findings: [.. labels.Zip(scores)],
            CriticalFindings: Strings(row, "critical_findings"),
            Abnormal: row.GetProperty("abnormal").GetBoolean(),
            // The model's name and clinical flag are columns a later feature adds; without them the report says it
            // is not for clinical use rather than claim otherwise.
            ModelName: row.TryGetProperty("model_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : UnknownModel,
            ModelVersion: modelVersion,
            Clinical: row.TryGetProperty("clinical", out var clinical) && clinical.ValueKind == JsonValueKind.True,
            AnalysedAt: row.GetProperty("analysed_at").GetDateTimeOffset(),
            SourceAttributes: file.Attributes);
        return new ScuInstance(StructuredReportWriter.ComprehensiveSr, StructuredReportWriter.SopInstanceUid(report.StudyInstanceUid, modelVersion),
            TransferSyntax.ExplicitVrLittleEndian.Uid, StructuredReportWriter.Write(report));
    }

    private static List<string> Strings(JsonElement row, string column) =>
        row.TryGetProperty(column, out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Select(v => v.GetString() ?? "")]
            : [];
}
