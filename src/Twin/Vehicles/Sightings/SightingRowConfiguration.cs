using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Vehicles.Sightings;

/// <summary>
/// The detection id is the primary key, which is what makes recording idempotent.
/// Indexes serve a vehicle's trace, a camera's recent reads and spatial queries; each index costs insert speed.
/// </summary>
internal sealed class SightingRowConfiguration : IEntityTypeConfiguration<SightingRow>
{
    public void Configure(EntityTypeBuilder<SightingRow> sighting)
    {
        sighting.ToTable("sightings");
        sighting.HasKey(s => s.DetectionId);
        sighting.Property(s => s.DetectionId).HasMaxLength(SightingInput.MaxDetectionIdLength);
        sighting.Property(s => s.PlateKey).HasMaxLength(16);
        sighting.Property(s => s.CameraId).HasMaxLength(64);
        sighting.Property(s => s.PlateText).HasMaxLength(32);
        sighting.Property(s => s.Location).HasColumnType("geometry(Point,4326)");
        sighting.Property(s => s.RecordedAt).HasDefaultValueSql("now()");
        sighting.HasIndex(s => new { s.PlateKey, s.SeenAt });
        sighting.HasIndex(s => new { s.CameraId, s.SeenAt });
        sighting.HasIndex(s => s.Location).HasMethod("gist");
    }
}
