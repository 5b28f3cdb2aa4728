using CityTwin.Twin.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityTwin.Twin.Persistence;

/// <summary>
/// Applies the committed EF Core migrations before the silo starts, so no grain ever activates against a missing table.
/// Registered before Orleans, whose hosted service then starts after it.
/// </summary>
public sealed partial class TwinDatabaseMigrator(
    IDbContextFactory<TwinDbContext> contexts, TwinReadiness readiness, ILogger<TwinDatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(contexts, cancellationToken);
        readiness.MarkDatabaseReady();
        LogMigrated(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Brings a database to the latest schema; safe to call on an up-to-date one.</summary>
    public static async Task MigrateAsync(IDbContextFactory<TwinDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // PostGIS types are loaded per connection; connections opened before the extension existed need a reload.
        if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection connection)
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ReloadTypesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogMigrated(ILogger logger);
}
