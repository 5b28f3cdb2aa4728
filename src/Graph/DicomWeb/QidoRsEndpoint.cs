using CityTwin.Vision.Imaging.Dicom;
using System.Text.Json.Nodes;
using CityTwin.Graph.Auth;

namespace CityTwin.Graph.DicomWeb;

/// <summary>
/// DICOMweb QIDO-RS (PS3.18 10.6): search studies, series and instances of the caller's clinic, answered as
/// <c>application/dicom+json</c>. Unknown or malformed query attributes are refused with 400 and the reason.
/// </summary>
public sealed class QidoRsEndpoint(IApiKeyStore keys, DicomWebInstances instances)
{
    /// <summary>How many instance rows one search may aggregate; more would need paging by the database.</summary>
    private const int MaxScannedInstances = 10_000;

    /// <summary>Serves a search at <paramref name="level"/> (study, series, instance) within the path's study and series.</summary>
    public async Task HandleAsync(HttpContext context, string level, string? pathStudy, string? pathSeries)
    {
        var (clinicId, status, problem) = DicomWebScope.Resolve(keys, context);
        if (clinicId is null)
        {
            await DicomWebScope.ProblemAsync(context, status, problem!);
            return;
        }
        foreach (var uid in new[] { pathStudy, pathSeries })
        {
            if (uid is not null && !QidoQuery.IsUid(uid))
            {
                await DicomWebScope.ProblemAsync(context, StatusCodes.Status400BadRequest, "the path names a malformed UID");
                return;
            }
        }
        var (query, error) = QidoQuery.Parse(context.Request.Query, level);
        if (query is null)
        {
            await DicomWebScope.ProblemAsync(context, StatusCodes.Status400BadRequest, error!);
            return;
        }
        if ((pathStudy is not null && query.Study is not null && pathStudy != query.Study) || (pathSeries is not null && query.Series is not null && pathSeries != query.Series))
        {
            context.Response.ContentType = StowRsEndpoint.DicomJson;
            await context.Response.WriteAsync("[]", context.RequestAborted);
            return;
        }
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{DicomWebExtensions.Path}";
        var study = pathStudy ?? query.Study;
        var series = pathSeries ?? query.Series;
        JsonArray results;
        if (level == "instance")
        {
            var rows = await instances.FindAsync(clinicId, study, series, query.Instance, query.SopClass, query.Offset, query.Limit, context.RequestAborted,
                DicomWildcard.ToLikePattern(query.PatientId));
            results = [.. rows.Select(r => DicomJson.Instance(r, baseUrl))];
        }
        else
        {
            var rows = await instances.FindAsync(clinicId, study, series, null, null, 0, MaxScannedInstances, context.RequestAborted,
                DicomWildcard.ToLikePattern(query.PatientId));
            results = level == "study"
                ? [.. rows.GroupBy(r => r.StudyInstanceUid).Skip(query.Offset).Take(query.Limit).Select(g => DicomJson.Study(g, baseUrl))]
                : [.. rows.GroupBy(r => (r.StudyInstanceUid, r.SeriesInstanceUid)).Skip(query.Offset).Take(query.Limit).Select(g => DicomJson.Series(g, baseUrl))];
        }
        context.Response.ContentType = StowRsEndpoint.DicomJson;
        await context.Response.WriteAsync(results.ToJsonString(), context.RequestAborted);
    }
}
