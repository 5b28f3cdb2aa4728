using CityTwin.Twin.Extensions;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CityTwin.Bench.Sightings;

/// <summary>
/// A throwaway database for one benchmark run (<c>citytwin_bench_&lt;random&gt;</c>), migrated to the committed
/// schema (which creates PostGIS) and dropped at the end, so runs never see each other's rows.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string adminConnectionString;
    private readonly bool keep;

    private BenchDatabase(string adminConnectionString, string name, bool keep)
    {
        this.adminConnectionString = adminConnectionString;
        this.keep = keep;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string adminConnectionString, bool keep)
    {
        var database = new BenchDatabase(adminConnectionString, $"citytwin_bench_{Guid.NewGuid():N}"[..27], keep);
        await database.ExecuteAdminAsync($"CREATE DATABASE {database.Name}");
        // The migration runs on its own services, as the tests do, so the silo's data source starts with PostGIS types.
        await using var services = new ServiceCollection().AddLogging().AddTwinDatabase(database.ConnectionString).BuildServiceProvider();
        await TwinDatabaseMigrator.MigrateAsync(services.GetRequiredService<IDbContextFactory<TwinDbContext>>(), CancellationToken.None);
        return database;
    }

    /// <summary>Runs one scalar query on the benchmark database.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (keep)
        {
            Console.WriteLine($"kept database {Name}");
            return;
        }
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
