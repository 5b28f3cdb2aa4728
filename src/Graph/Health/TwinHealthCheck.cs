using CityTwin.Twin.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CityTwin.Graph.Health;

/// <summary>
/// Healthy once the schema is migrated, the silo runs, the demo city is loaded and the database answers now. The
/// report is public, so it says what is wrong in plain words; the database's own error text goes to the log only.
/// </summary>
internal sealed partial class TwinHealthCheck(TwinReadiness readiness, NpgsqlDataSource database, ILogger<TwinHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["database"] = readiness.DatabaseReady,
            ["silo"] = readiness.SiloReady,
            ["demoCity"] = (object?)readiness.DemoCity ?? "loading",
        };
        if (readiness.Failure is { } failure)
            return HealthCheckResult.Unhealthy(failure, data: data);
        if (!readiness.IsReady)
            return HealthCheckResult.Unhealthy("starting", data: data);
        try
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            data["database"] = false;
            LogDatabaseUnreachable(logger, e.Message);
            return HealthCheckResult.Unhealthy("database unreachable", data: data);
        }
        return HealthCheckResult.Healthy("ready", data);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: the database is unreachable ({Reason})")]
    private static partial void LogDatabaseUnreachable(ILogger logger, string reason);
}
