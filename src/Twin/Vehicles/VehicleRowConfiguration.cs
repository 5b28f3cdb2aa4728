using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Vehicles;

internal sealed class VehicleRowConfiguration : IEntityTypeConfiguration<VehicleRow>
{
    public void Configure(EntityTypeBuilder<VehicleRow> vehicle)
    {
        vehicle.ToTable("vehicles");
        vehicle.HasKey(v => v.PlateKey);
        vehicle.Property(v => v.PlateKey).HasMaxLength(16);
        vehicle.Property(v => v.DisplayPlate).HasMaxLength(24);
        vehicle.Property(v => v.ProvinceCode).HasMaxLength(2);
        vehicle.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        vehicle.Property(v => v.Version).IsConcurrencyToken();
    }
}
