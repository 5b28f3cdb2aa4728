using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Cameras;

/// <summary>Columns and indexes of <c>cameras</c>: GiST on location and view area for map and coverage queries.</summary>
internal sealed class CameraRowConfiguration : IEntityTypeConfiguration<CameraRow>
{
    public void Configure(EntityTypeBuilder<CameraRow> camera)
    {
        camera.ToTable("cameras");
        camera.HasKey(c => c.Id);
        camera.Property(c => c.Id).HasMaxLength(64);
        camera.Property(c => c.Name).HasMaxLength(200);
        camera.Property(c => c.WardCode).HasMaxLength(16);
        camera.Property(c => c.Road).HasMaxLength(200);
        camera.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        camera.Property(c => c.Location).HasColumnType("geometry(Point,4326)");
        camera.Property(c => c.ViewArea).HasColumnType("geometry(Polygon,4326)");
        camera.Property(c => c.Pose).HasColumnType("jsonb");
        camera.Property(c => c.ExclusionMasks).HasColumnType("jsonb");
        camera.Property(c => c.Version).IsConcurrencyToken();
        camera.HasIndex(c => c.Location).HasMethod("gist");
        camera.HasIndex(c => c.ViewArea).HasMethod("gist");
        camera.HasIndex(c => c.WardCode);
    }
}
