using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Markets;

internal sealed class MarketRowConfiguration : IEntityTypeConfiguration<MarketRow>
{
    public void Configure(EntityTypeBuilder<MarketRow> market)
    {
        market.ToTable("markets");
        market.HasKey(m => m.Id);
        market.Property(m => m.Id).HasMaxLength(64);
        market.Property(m => m.Name).HasMaxLength(200);
        market.Property(m => m.Organiser).HasMaxLength(200);
        market.Property(m => m.WardCode).HasMaxLength(16);
        market.Property(m => m.Location).HasColumnType("geometry(Point,4326)");
        market.HasIndex(m => m.Location).HasMethod("gist");
    }
}

internal sealed class MarketRetailerRowConfiguration : IEntityTypeConfiguration<MarketRetailerRow>
{
    public void Configure(EntityTypeBuilder<MarketRetailerRow> retailer)
    {
        retailer.ToTable("market_retailers");
        retailer.HasKey(r => new { r.MarketId, r.StoreId });
        retailer.Property(r => r.MarketId).HasMaxLength(64);
        retailer.Property(r => r.StoreId).HasMaxLength(64);
    }
}

internal sealed class MarketSessionRowConfiguration : IEntityTypeConfiguration<MarketSessionRow>
{
    public void Configure(EntityTypeBuilder<MarketSessionRow> session)
    {
        session.ToTable("market_sessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).HasMaxLength(MarketLimits.MaxIdLength);
        session.Property(s => s.MarketId).HasMaxLength(64);
        session.Property(s => s.Platform).HasMaxLength(64);
        session.HasIndex(s => s.MarketId);
    }
}

internal sealed class MarketOrderRowConfiguration : IEntityTypeConfiguration<MarketOrderRow>
{
    public void Configure(EntityTypeBuilder<MarketOrderRow> order)
    {
        order.ToTable("market_orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).UseIdentityAlwaysColumn();
        order.Property(o => o.Platform).HasMaxLength(64);
        order.Property(o => o.PlatformOrderId).HasMaxLength(MarketLimits.MaxIdLength);
        order.Property(o => o.MarketId).HasMaxLength(64);
        order.Property(o => o.SessionId).HasMaxLength(MarketLimits.MaxIdLength);
        order.Property(o => o.StoreId).HasMaxLength(64);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        order.Property(o => o.BuyerPhone).HasMaxLength(32);
        // Idempotency: one row per platform order, whatever number of times and in whatever order its events arrive.
        order.HasIndex(o => new { o.Platform, o.PlatformOrderId }).IsUnique();
        order.HasIndex(o => o.SessionId);
        order.HasIndex(o => new { o.MarketId, o.PlacedAt });
    }
}
