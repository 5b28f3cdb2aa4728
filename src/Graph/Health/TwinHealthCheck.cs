using CityTwin.Twin.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CityTwin.Graph.Health;

/// <summary>Healthy once the schema is migrated, the silo runs, the demo city is loaded and the database answers now.</summary>
internal sealed class TwinHealthCheck(TwinReadiness readiness, NpgsqlDataSource database) : IHealthCheck
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
            return HealthCheckResult.Unhealthy($"database unreachable: {e.Message}", data: data);
        }
        return HealthCheckResult.Healthy("ready", data);
    }
}
