using CityTwin.Twin.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Stores;

internal sealed class StoreRowConfiguration : IEntityTypeConfiguration<StoreRow>
{
    public void Configure(EntityTypeBuilder<StoreRow> store)
    {
        store.ConfigurePlace("stores");
        store.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        store.Property(s => s.MarketId).HasMaxLength(64);
        store.HasIndex(s => s.MarketId);
    }
}
