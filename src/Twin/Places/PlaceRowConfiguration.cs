using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Places;

/// <summary>The shared columns and indexes of place tables.</summary>
internal static class PlaceRowConfiguration
{
    public static EntityTypeBuilder<TRow> ConfigurePlace<TRow>(this EntityTypeBuilder<TRow> place, string table)
        where TRow : PlaceRow
    {
        place.ToTable(table);
        place.HasKey(p => p.Id);
        place.Property(p => p.Id).HasMaxLength(64);
        place.Property(p => p.Name).HasMaxLength(200);
        place.Property(p => p.WardCode).HasMaxLength(16);
        place.Property(p => p.Location).HasColumnType("geometry(Point,4326)");
        place.Property(p => p.Version).IsConcurrencyToken();
        place.HasIndex(p => p.Location).HasMethod("gist");
        place.HasIndex(p => p.WardCode);
        return place;
    }
}
