using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityTwin.Twin.Persistence;

/// <summary>How the twin reaches PostgreSQL: one data source with the NetTopologySuite plugin, shared by EF Core and raw COPY/SQL.</summary>
public static class TwinDbOptions
{
    /// <summary>Environment variable that holds the Npgsql connection string.</summary>
    public const string ConnectionStringVariable = "CITYTWIN_DB";

    /// <summary>Connections one process opens at most unless the connection string says otherwise.</summary>
    public const int DefaultMaxPoolSize = 32;

    /// <summary>A data source that maps PostGIS geometries to NetTopologySuite.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"no database connection string: set {ConnectionStringVariable} or ConnectionStrings:Twin");
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // A silo activates grains in bursts (the demo city, a reconnecting camera fleet); a bounded pool makes them
        // queue for a connection instead of exhausting the server's max_connections. An explicit setting wins.
        if (!new NpgsqlConnectionStringBuilder(connectionString).ContainsKey("Maximum Pool Size"))
            builder.ConnectionStringBuilder.MaxPoolSize = DefaultMaxPoolSize;
        builder.UseNetTopologySuite();
        return builder.Build();
    }

    /// <summary>Configures EF Core on the shared data source with PostGIS and snake_case names.</summary>
    public static DbContextOptionsBuilder UseTwinDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite().MigrationsHistoryTable("__twin_migrations"))
            .UseSnakeCaseNamingConvention();
}
