using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Vision.Imaging.Storage;

/// <summary>Writes the reader's verdict on the instance's row in <c>imaging_instances</c>.</summary>
public sealed class InstanceOutcomes(IDbContextFactory<TwinDbContext> database) : IInstanceOutcomes
{
    private const int MaxReasonLength = 1000;

    public async Task SetOutcomeAsync(string clinicId, string sopInstanceUid, InstanceOutcome outcome, string? rejectReason, CancellationToken cancellationToken = default)
    {
        var reason = rejectReason is { Length: > MaxReasonLength } ? rejectReason[..MaxReasonLength] : rejectReason;
        await using var context = await database.CreateDbContextAsync(cancellationToken);
        var updated = await context.Set<ImagingInstanceRow>()
            .Where(r => r.ClinicId == clinicId && r.SopInstanceUid == sopInstanceUid)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Outcome, outcome.ToString())
                .SetProperty(r => r.RejectReason, reason), cancellationToken);
        if (updated == 0) throw new InvalidOperationException($"no stored instance {sopInstanceUid} of clinic {clinicId} to mark {outcome}");
    }
}
