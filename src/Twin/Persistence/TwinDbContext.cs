using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Persistence;

/// <summary>
/// The twin's PostGIS database: one table per entity (grain state plus the columns queried across entities),
/// append-only sightings, and imported layers. Each feature folder configures its own tables.
/// </summary>
public sealed class TwinDbContext(DbContextOptions<TwinDbContext> options) : DbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TwinDbContext).Assembly);
    }
}
