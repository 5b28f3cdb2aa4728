using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Persistence;

/// <summary>
/// The twin's PostGIS database: one table per entity (grain state plus the columns queried across entities),
/// append-only sightings, and imported layers. Each feature folder configures its own tables.
/// </summary>
public sealed class TwinDbContext(DbContextOptions<TwinDbContext> options) : DbContext(options)
{
    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // timestamptz stores instants and Npgsql writes only UTC offsets: a time given in +07:00 (how the city's
        // operators and cameras write it) is the same instant, so it is converted rather than refused.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TwinDbContext).Assembly);
    }
}
