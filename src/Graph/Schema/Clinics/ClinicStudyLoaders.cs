using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Clinics.Forwarding;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Twin.Persistence;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.Schema.Clinics;

/// <summary>
/// What a page of clinic studies needs beside its rows — each study's forwarding rows and the series of the image that
/// was read — as one query per field for the whole page instead of one per study.
/// </summary>
public static class ClinicStudyLoaders
{
    /// <summary>Where the request's forwarding loader sits in its user context.</summary>
    public const string ForwardingName = "citytwin.loader.clinic-study-forwarding";

    /// <summary>Where the request's series loader sits in its user context.</summary>
    public const string SeriesName = "citytwin.loader.clinic-study-series";

    /// <summary>The study's forwarding rows (images and the AI report); empty when none was queued yet.</summary>
    public static IDataLoaderResult<IReadOnlyList<PacsForwardRow>?> Forwarding(IResolveFieldContext context, string clinicId, string studyInstanceUid)
    {
        var contexts = context.Service<IDbContextFactory<TwinDbContext>>();
        return context.GetOrAddLoader<StudyKey, IReadOnlyList<PacsForwardRow>>(ForwardingName, async (keys, cancellationToken) =>
        {
            var (clinics, uids) = Split(keys);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var rows = await db.Set<PacsForwardRow>().AsNoTracking()
                .Where(f => clinics.Contains(f.ClinicId) && uids.Contains(f.StudyInstanceUid))
                .ToListAsync(cancellationToken);
            return rows.GroupBy(r => new StudyKey(r.ClinicId, r.StudyInstanceUid))
                .Where(g => keys.Contains(g.Key))
                .ToDictionary(g => g.Key, g => (IReadOnlyList<PacsForwardRow>)[.. g]);
        }).Load(new StudyKey(clinicId, studyInstanceUid));
    }

    /// <summary>The series of the clinic's instance <paramref name="sopInstanceUid"/>, or null when it is not stored.</summary>
    public static IDataLoaderResult<string?> Series(IResolveFieldContext context, string clinicId, string sopInstanceUid)
    {
        var contexts = context.Service<IDbContextFactory<TwinDbContext>>();
        return context.GetOrAddLoader<StudyKey, string>(SeriesName, async (keys, cancellationToken) =>
        {
            var (clinics, uids) = Split(keys);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var rows = await db.Set<ImagingInstanceRow>().AsNoTracking()
                .Where(i => clinics.Contains(i.ClinicId) && uids.Contains(i.SopInstanceUid))
                .Select(i => new { i.ClinicId, i.SopInstanceUid, i.SeriesInstanceUid })
                .ToListAsync(cancellationToken);
            return rows.Select(r => (Key: new StudyKey(r.ClinicId, r.SopInstanceUid), r.SeriesInstanceUid))
                .Where(r => keys.Contains(r.Key))
                .DistinctBy(r => r.Key)
                .ToDictionary(r => r.Key, r => r.SeriesInstanceUid);
        }).Load(new StudyKey(clinicId, sopInstanceUid));
    }

    private static (List<string> Clinics, List<string> Uids) Split(IReadOnlyCollection<StudyKey> keys) =>
        ([.. keys.Select(k => k.ClinicId).Distinct()], [.. keys.Select(k => k.Uid).Distinct()]);

    /// <summary>A UID within one clinic: UIDs are scoped per clinic everywhere imaging data is kept.</summary>
    private readonly record struct StudyKey(string ClinicId, string Uid);
}
