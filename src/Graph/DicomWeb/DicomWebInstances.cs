using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.DicomWeb;

/// <summary>The clinic-scoped instance rows every QIDO-RS and WADO-RS request starts from.</summary>
public sealed class DicomWebInstances(IDbContextFactory<TwinDbContext> database)
{
    /// <summary>
    /// Rows of <paramref name="clinicId"/> matching the given UIDs (null: any) and, when given, the pseudonymised patient
    /// id as a LIKE pattern (<see cref="DicomWildcard"/>), oldest first.
    /// </summary>
    public async Task<List<ImagingInstanceRow>> FindAsync(string clinicId, string? study, string? series, string? instance, string? sopClass,
        int offset, int limit, CancellationToken cancellationToken, string? patientLike = null)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<ImagingInstanceRow>().AsNoTracking().Where(r => r.ClinicId == clinicId);
        if (study is not null) rows = rows.Where(r => r.StudyInstanceUid == study);
        if (series is not null) rows = rows.Where(r => r.SeriesInstanceUid == series);
        if (instance is not null) rows = rows.Where(r => r.SopInstanceUid == instance);
        if (sopClass is not null) rows = rows.Where(r => r.SopClassUid == sopClass);
        if (patientLike is not null) rows = rows.Where(r => EF.Functions.Like(r.PseudonymisedPatientId, patientLike, DicomWildcard.Escape));
        return await rows.OrderBy(r => r.ReceivedAt).ThenBy(r => r.SopInstanceUid).Skip(offset).Take(limit).ToListAsync(cancellationToken);
    }
}
