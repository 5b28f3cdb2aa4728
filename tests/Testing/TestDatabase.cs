using CityTwin.Twin.Extensions;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CityTwin.Testing;

/// <summary>
/// A throwaway database on the real PostgreSQL + PostGIS that <c>./test</c> starts (<c>CITYTWIN_DB</c>),
/// migrated to the committed schema and dropped afterwards, so test classes never see each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private readonly string name = $"citytwin_test_{Guid.NewGuid():N}"[..28];
    private ServiceProvider? services;

    /// <summary>Connection string of this test's own database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A data source with the PostGIS type mappings, for direct SQL in tests.</summary>
    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>Database services as the silo registers them (EF factory, state tables, sighting log).</summary>
    public ServiceProvider Services => services ?? throw new InvalidOperationException("database not initialised");

    /// <summary>A new EF context on this database.</summary>
    public TwinDbContext CreateContext() => Services.GetRequiredService<IDbContextFactory<TwinDbContext>>().CreateDbContext();

    public async Task InitializeAsync()
    {
        var admin = AdminConnectionString();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
        services = new ServiceCollection().AddLogging().AddTwinDatabase(ConnectionString).BuildServiceProvider();
        await TwinDatabaseMigrator.MigrateAsync(Services.GetRequiredService<IDbContextFactory<TwinDbContext>>(), CancellationToken.None);
        await using var reload = await DataSource.OpenConnectionAsync();
        await reload.ReloadTypesAsync();
    }

    public async Task DisposeAsync()
    {
        if (services is not null) await services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one SQL statement and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{TwinDbOptions.ConnectionStringVariable} is not set: run the tests with ./test, which starts the private PostGIS cluster");
}
