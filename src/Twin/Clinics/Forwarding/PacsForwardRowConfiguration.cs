using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Clinics.Forwarding;

/// <summary>One row per source and kind; due rows are found by state and time, a study's rows by clinic and study.</summary>
internal sealed class PacsForwardRowConfiguration : IEntityTypeConfiguration<PacsForwardRow>
{
    public void Configure(EntityTypeBuilder<PacsForwardRow> forward)
    {
        forward.ToTable("pacs_forwards");
        forward.HasKey(f => f.Id);
        forward.Property(f => f.Id).UseIdentityAlwaysColumn();
        forward.Property(f => f.ClinicId).HasMaxLength(64);
        forward.Property(f => f.StudyInstanceUid).HasMaxLength(64);
        forward.Property(f => f.Kind).HasMaxLength(8);
        forward.Property(f => f.SourceId).HasMaxLength(64);
        forward.Property(f => f.SopInstanceUid).HasMaxLength(64);
        forward.Property(f => f.State).HasMaxLength(16);
        forward.Property(f => f.LastError).HasMaxLength(1000);
        forward.HasIndex(f => new { f.Kind, f.ClinicId, f.SourceId }).IsUnique();
        forward.HasIndex(f => new { f.State, f.NextAttemptAt });
        forward.HasIndex(f => new { f.ClinicId, f.StudyInstanceUid });
    }
}
