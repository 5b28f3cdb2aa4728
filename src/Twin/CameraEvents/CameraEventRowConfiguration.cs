using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.CameraEvents;

internal sealed class CameraEventRowConfiguration : IEntityTypeConfiguration<CameraEventRow>
{
    public void Configure(EntityTypeBuilder<CameraEventRow> e)
    {
        e.ToTable("camera_events");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).HasMaxLength(140);
        e.Property(r => r.CameraId).HasMaxLength(64);
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.SnapshotId).HasMaxLength(64);
        e.HasIndex(r => new { r.CameraId, r.ObservedAt });
        e.HasIndex(r => r.IncidentId);
    }
}
