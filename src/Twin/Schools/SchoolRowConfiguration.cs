using CityTwin.Twin.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Schools;

internal sealed class SchoolRowConfiguration : IEntityTypeConfiguration<SchoolRow>
{
    public void Configure(EntityTypeBuilder<SchoolRow> school)
    {
        school.ConfigurePlace("schools");
        school.Property(s => s.Level).HasConversion<string>().HasMaxLength(16);
    }
}
