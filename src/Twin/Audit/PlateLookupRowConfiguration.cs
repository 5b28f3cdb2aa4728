using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Audit;

/// <summary>Indexes answer the two audit questions: who looked at this plate, and what did this key look at.</summary>
internal sealed class PlateLookupRowConfiguration : IEntityTypeConfiguration<PlateLookupRow>
{
    public void Configure(EntityTypeBuilder<PlateLookupRow> lookup)
    {
        lookup.ToTable("plate_lookups");
        lookup.HasKey(l => l.Id);
        lookup.Property(l => l.KeyId).HasMaxLength(128);
        lookup.Property(l => l.Role).HasMaxLength(32);
        lookup.Property(l => l.PlateKey).HasMaxLength(16);
        lookup.Property(l => l.Operation).HasMaxLength(64);
        lookup.Property(l => l.Reason).HasMaxLength(500);
        lookup.Property(l => l.Detail).HasMaxLength(4000);
        lookup.HasIndex(l => new { l.PlateKey, l.At });
        lookup.HasIndex(l => new { l.KeyId, l.At });
    }
}
