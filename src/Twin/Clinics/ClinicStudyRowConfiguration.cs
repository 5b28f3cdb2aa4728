using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Clinics;

internal sealed class ClinicStudyRowConfiguration : IEntityTypeConfiguration<ClinicStudyRow>
{
    public void Configure(EntityTypeBuilder<ClinicStudyRow> study)
    {
        study.ToTable("clinic_studies");
        study.HasKey(s => s.Id);
        study.Property(s => s.Id).UseIdentityAlwaysColumn();
        study.Property(s => s.ClinicId).HasMaxLength(64);
        study.Property(s => s.StudyInstanceUid).HasMaxLength(64);
        study.Property(s => s.SopInstanceUid).HasMaxLength(64);
        study.Property(s => s.PseudonymisedPatientId).HasMaxLength(128);
        study.Property(s => s.ModelVersion).HasMaxLength(128);
        study.Property(s => s.ModelName).HasMaxLength(128);
        // One reading per study and clinic, as the grain dedupes; newest first is the query's order.
        study.HasIndex(s => new { s.ClinicId, s.StudyInstanceUid }).IsUnique();
        study.HasIndex(s => new { s.ClinicId, s.AnalysedAt });
    }
}
