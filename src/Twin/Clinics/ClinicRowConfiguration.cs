using CityTwin.Twin.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Clinics;

internal sealed class ClinicRowConfiguration : IEntityTypeConfiguration<ClinicRow>
{
    public void Configure(EntityTypeBuilder<ClinicRow> clinic)
    {
        clinic.ConfigurePlace("clinics");
        clinic.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
    }
}
