using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>Tables of the plate-read ingest: crops (bytea, content-addressed) and camera keys (hashes only).</summary>
internal sealed class PlateReadRowConfiguration : IEntityTypeConfiguration<PlateCropRow>, IEntityTypeConfiguration<CameraKeyRow>
{
    public void Configure(EntityTypeBuilder<PlateCropRow> crop)
    {
        crop.ToTable("plate_crops");
        crop.HasKey(c => c.Id);
        crop.Property(c => c.Id).HasMaxLength(64);
        crop.Property(c => c.CameraId).HasMaxLength(PlateReadLimits.MaxCameraIdLength);
        crop.Property(c => c.PlateKey).HasMaxLength(16);
        crop.Property(c => c.StoredAt).HasDefaultValueSql("now()");
    }

    public void Configure(EntityTypeBuilder<CameraKeyRow> key)
    {
        key.ToTable("camera_keys");
        key.HasKey(k => k.CameraId);
        key.Property(k => k.CameraId).HasMaxLength(PlateReadLimits.MaxCameraIdLength);
        key.HasIndex(k => k.KeyHash).IsUnique();
    }
}
