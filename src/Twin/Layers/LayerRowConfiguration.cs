using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Layers;

/// <summary>Tables of imported layers, each with a GiST index on its geometry.</summary>
internal sealed class LayerRowConfiguration :
    IEntityTypeConfiguration<RoadRow>, IEntityTypeConfiguration<AdminAreaRow>, IEntityTypeConfiguration<PoiRow>
{
    public void Configure(EntityTypeBuilder<RoadRow> road)
    {
        road.ToTable("roads");
        road.HasKey(r => r.Id);
        road.Property(r => r.SourceId).HasMaxLength(64);
        road.Property(r => r.Name).HasMaxLength(200);
        road.Property(r => r.Kind).HasMaxLength(64);
        road.Property(r => r.District).HasMaxLength(100);
        road.Property(r => r.Geometry).HasColumnType("geometry(MultiLineString,4326)");
        road.HasIndex(r => r.Geometry).HasMethod("gist");
        road.HasIndex(r => r.SourceId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AdminAreaRow> area)
    {
        area.ToTable("admin_areas");
        area.HasKey(a => a.Code);
        area.Property(a => a.Code).HasMaxLength(32);
        area.Property(a => a.Name).HasMaxLength(200);
        area.Property(a => a.Level).HasMaxLength(16);
        area.Property(a => a.Geometry).HasColumnType("geometry(MultiPolygon,4326)");
        area.HasIndex(a => a.Geometry).HasMethod("gist");
    }

    public void Configure(EntityTypeBuilder<PoiRow> poi)
    {
        poi.ToTable("pois");
        poi.HasKey(p => p.Id);
        poi.Property(p => p.SourceId).HasMaxLength(64);
        poi.Property(p => p.Category).HasMaxLength(64);
        poi.Property(p => p.Name).HasMaxLength(300);
        poi.Property(p => p.Address).HasMaxLength(300);
        poi.Property(p => p.District).HasMaxLength(100);
        poi.Property(p => p.Location).HasColumnType("geometry(Point,4326)");
        poi.HasIndex(p => p.Location).HasMethod("gist");
        poi.HasIndex(p => new { p.Category, p.SourceId }).IsUnique();
    }
}
