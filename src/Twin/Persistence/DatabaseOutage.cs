using System.Net.Sockets;
using Npgsql;

namespace CityTwin.Twin.Persistence;

/// <summary>
/// Tells an unreachable database (connection refused or lost, server shutting down or not yet accepting) from every
/// other failure. Callers answer an outage with "unavailable, try again" (HTTP 503) instead of an internal error;
/// Npgsql's pool reconnects by itself once the server is back, so nothing else needs doing.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Whether <paramref name="exception"/>, or any exception it wraps, says the database cannot be reached.</summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            switch (exception)
            {
                case PostgresException pg when IsUnavailableState(pg.SqlState):
                case NpgsqlException and not PostgresException:
                case SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsOutage):
                    return true;
            }
            exception = exception.InnerException;
        }
        return false;
    }

    /// <summary>SQLSTATE class 08 (connection exception), 57P01..57P03 (shutdown, crash, cannot connect now), 53300 (too many connections).</summary>
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300";
}
