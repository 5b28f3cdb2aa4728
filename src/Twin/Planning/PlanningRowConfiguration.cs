using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Planning;

/// <summary>Tables of camera plans and adopted planned cameras (GiST on the view area for coverage queries).</summary>
internal sealed class PlanningRowConfiguration : IEntityTypeConfiguration<PlannedCameraRow>, IEntityTypeConfiguration<CameraPlanRow>
{
    public void Configure(EntityTypeBuilder<PlannedCameraRow> camera)
    {
        camera.ToTable("planned_cameras");
        camera.HasKey(c => c.Id);
        camera.Property(c => c.Id).HasMaxLength(64);
        camera.Property(c => c.PlanId).HasMaxLength(64);
        camera.Property(c => c.WardCode).HasMaxLength(16);
        camera.Property(c => c.Kind).HasMaxLength(16);
        camera.Property(c => c.Location).HasColumnType("geometry(Point,4326)");
        camera.Property(c => c.ViewArea).HasColumnType("geometry(Polygon,4326)");
        camera.HasIndex(c => c.ViewArea).HasMethod("gist");
        camera.HasIndex(c => c.PlanId);
    }

    public void Configure(EntityTypeBuilder<CameraPlanRow> plan)
    {
        plan.ToTable("camera_plans");
        plan.HasKey(p => p.Id);
        plan.Property(p => p.Id).HasMaxLength(64);
        plan.Property(p => p.Plan).HasColumnType("jsonb");
    }
}
