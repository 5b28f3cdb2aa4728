using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Incidents;

internal sealed class IncidentRowConfiguration : IEntityTypeConfiguration<IncidentRow>
{
    public void Configure(EntityTypeBuilder<IncidentRow> incident)
    {
        incident.ToTable("incidents");
        incident.HasKey(i => i.Id);
        incident.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        incident.Property(i => i.Status).HasConversion<string>().HasMaxLength(32);
        incident.Property(i => i.Location).HasColumnType("geometry(Point,4326)");
        incident.Property(i => i.WardCode).HasMaxLength(16);
        incident.Property(i => i.Description).HasMaxLength(2000);
        incident.Property(i => i.Timeline).HasColumnType("jsonb");
        incident.Property(i => i.Area).HasColumnType("geometry(Polygon,4326)");
        incident.Property(i => i.Quality).HasConversion<string>().HasMaxLength(16).HasDefaultValue(Twin.Spatial.Located.LocationQuality.Located);
        incident.Property(i => i.Sightings).HasColumnType("jsonb");
        incident.Property(i => i.SnapshotId).HasMaxLength(64);
        incident.Property(i => i.SegmentId).HasMaxLength(140);
        incident.Property(i => i.Version).IsConcurrencyToken();
        incident.HasIndex(i => i.Location).HasMethod("gist");
        incident.HasIndex(i => new { i.Status, i.DetectedAt });
        incident.HasIndex(i => i.WardCode);
        // The merge looks for open incidents of one kind seen lately near a new event.
        incident.HasIndex(i => new { i.Kind, i.Status, i.LastSeenAt });
    }
}
