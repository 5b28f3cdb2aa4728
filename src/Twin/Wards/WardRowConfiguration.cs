using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Wards;

/// <summary>Columns and indexes of <c>wards</c>; the boundary is indexed for point-in-ward lookups.</summary>
internal sealed class WardRowConfiguration : IEntityTypeConfiguration<WardRow>
{
    public void Configure(EntityTypeBuilder<WardRow> ward)
    {
        ward.ToTable("wards");
        ward.HasKey(w => w.Code);
        ward.Property(w => w.Code).HasMaxLength(16);
        ward.Property(w => w.Name).HasMaxLength(200);
        ward.Property(w => w.DistrictName).HasMaxLength(200);
        ward.Property(w => w.DistrictCode).HasMaxLength(16);
        ward.Property(w => w.LabelPoint).HasColumnType("geometry(Point,4326)");
        ward.Property(w => w.Boundary).HasColumnType("geometry(MultiPolygon,4326)");
        ward.Property(w => w.Version).IsConcurrencyToken();
        ward.HasIndex(w => w.Boundary).HasMethod("gist");
    }
}
