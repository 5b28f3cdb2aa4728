using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Clinics.Imaging;

/// <summary>Indexes answer what the clinic pages ask: a study's instances, and a clinic's recent receipts.</summary>
internal sealed class ImagingInstanceRowConfiguration : IEntityTypeConfiguration<ImagingInstanceRow>
{
    private const int UidLength = 64;

    public void Configure(EntityTypeBuilder<ImagingInstanceRow> instance)
    {
        instance.ToTable("imaging_instances");
        // SOP instance UIDs are unique per clinic: one clinic can neither squat on another's UID nor learn it exists.
        instance.HasKey(i => new { i.ClinicId, i.SopInstanceUid });
        instance.Property(i => i.SopInstanceUid).HasMaxLength(UidLength);
        instance.Property(i => i.StudyInstanceUid).HasMaxLength(UidLength);
        instance.Property(i => i.SeriesInstanceUid).HasMaxLength(UidLength);
        instance.Property(i => i.SopClassUid).HasMaxLength(UidLength);
        instance.Property(i => i.TransferSyntaxUid).HasMaxLength(UidLength);
        instance.Property(i => i.ClinicId).HasMaxLength(64);
        instance.Property(i => i.PseudonymisedPatientId).HasMaxLength(64);
        instance.Property(i => i.Source).HasMaxLength(16);
        instance.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        instance.Property(i => i.Outcome).HasMaxLength(16);
        instance.Property(i => i.RejectReason).HasMaxLength(1000);
        instance.HasIndex(i => i.StudyInstanceUid);
        instance.HasIndex(i => new { i.ClinicId, i.ReceivedAt });
        instance.HasIndex(i => i.SopInstanceUid);
    }
}
