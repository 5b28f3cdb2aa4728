using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Watchlists;

internal sealed class WatchlistRowConfiguration : IEntityTypeConfiguration<WatchlistRow>, IEntityTypeConfiguration<WatchlistEntryRow>
{
    public void Configure(EntityTypeBuilder<WatchlistRow> watchlist)
    {
        watchlist.ToTable("watchlists");
        watchlist.HasKey(w => w.ProvinceCode);
        watchlist.Property(w => w.ProvinceCode).HasMaxLength(2);
        watchlist.Property(w => w.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<WatchlistEntryRow> entry)
    {
        entry.ToTable("watchlist_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.PlateKey).HasMaxLength(16);
        entry.Property(e => e.ProvinceCode).HasMaxLength(2);
        entry.Property(e => e.DisplayPlate).HasMaxLength(24);
        entry.Property(e => e.Reason).HasMaxLength(500);
        entry.Property(e => e.ReportedBy).HasMaxLength(200);
        entry.Property(e => e.RemovedBy).HasMaxLength(200);
        entry.Property(e => e.RemovalReason).HasMaxLength(500);
        entry.Property(e => e.WardCode).HasMaxLength(16);
        entry.HasIndex(e => e.PlateKey).IsUnique().HasFilter("removed_at IS NULL");
        entry.HasIndex(e => e.ProvinceCode);
    }
}
