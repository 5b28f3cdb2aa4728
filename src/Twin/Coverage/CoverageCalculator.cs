using CityTwin.Twin.Common;
using Npgsql;

namespace CityTwin.Twin.Coverage;

/// <summary>
/// Covered road length from the <c>roads</c> layer and the cameras' view areas, computed in PostGIS (see
/// <see cref="CoverageSql"/>). Line of sight is not modelled: there are no building heights, so a view area counts as
/// seen whole.
/// </summary>
public sealed class CoverageCalculator(NpgsqlDataSource dataSource)
{
    /// <summary>Covered and uncovered length city-wide, per class and per ward.</summary>
    /// <exception cref="TwinValidationException">No roads are imported, or the ward is unknown.</exception>
    public async Task<CoverageReport> ComputeAsync(CoverageRequest request, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await CheckAsync(connection, request.WardCode, cancellationToken);
        await using var transaction = await WithoutJitAsync(connection, cancellationToken);
        await using var command = new NpgsqlCommand(CoverageSql.Totals, connection, transaction);
        AddParameters(command, request);
        var wards = new Dictionary<string, (bool Approximate, long? Population, CoverageFigures Figures)>(StringComparer.Ordinal);
        var classes = Enum.GetValues<RoadClass>().ToDictionary(c => c, _ => CoverageFigures.None);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var roadClass = RoadClassRules.Parse(reader.GetString(3));
                var gateway = reader.GetBoolean(4);
                if (!RoadClassRules.Selects(request.Classes, roadClass, gateway)) continue;
                var figures = new CoverageFigures(reader.GetDouble(5), reader.GetDouble(6));
                var code = reader.GetString(0);
                var current = wards.GetValueOrDefault(code, (false, null, CoverageFigures.None));
                wards[code] = (reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), current.Figures.Plus(figures));
                classes[roadClass] = classes[roadClass].Plus(figures);
                if (gateway) classes[RoadClass.Gateway] = classes[RoadClass.Gateway].Plus(figures);
            }
        }
        var wardList = wards.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new WardCoverage(w.Key, w.Value.Approximate, w.Value.Population, w.Value.Figures)).ToList();
        var city = wardList.Aggregate(CoverageFigures.None, (sum, w) => sum.Plus(w.Figures));
        var classList = classes.Where(c => request.Classes.Count == 0 || request.Classes.Contains(c.Key))
            .Select(c => new ClassCoverage(c.Key, c.Value)).ToList();
        return new CoverageReport(city, classList, wardList, request.IncludePlanned);
    }

    /// <summary>Every uncovered stretch of the selected roads, the most important first.</summary>
    public async Task<IReadOnlyList<CoverageGap>> GapsAsync(CoverageRequest request, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await CheckAsync(connection, request.WardCode, cancellationToken);
        await using var transaction = await WithoutJitAsync(connection, cancellationToken);
        await using var command = new NpgsqlCommand(CoverageSql.Gaps, connection, transaction);
        AddParameters(command, request);
        var gaps = new List<CoverageGap>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var roadClass = RoadClassRules.Parse(reader.GetString(2));
            var gateway = reader.GetBoolean(3);
            if (!RoadClassRules.Selects(request.Classes, roadClass, gateway)) continue;
            gaps.Add(new CoverageGap(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), roadClass, gateway,
                reader.GetString(4), reader.GetBoolean(5), reader.GetDouble(6), reader.GetInt64(7), reader.GetString(8)));
        }
        // Ties (same score) fall back to road and position so pages stay stable between requests.
        return gaps.OrderByDescending(g => g.Score).ThenBy(g => g.RoadId).ThenBy(g => g.GeoJson, StringComparer.Ordinal).ToList();
    }

    /// <summary>Refuses what has no answer: no road layer, or a ward code nobody registered.</summary>
    internal static async Task CheckAsync(NpgsqlConnection connection, string? wardCode, CancellationToken cancellationToken)
    {
        await using (var roads = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM roads)", connection))
            TwinValidationException.Require((bool)(await roads.ExecuteScalarAsync(cancellationToken))!,
                "no roads imported: import a road layer first (citytwin import geojson --layer roads FILE)");
        if (wardCode is null) return;
        await using var ward = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM wards WHERE code = @code)", connection);
        ward.Parameters.AddWithValue("code", wardCode);
        TwinValidationException.Require((bool)(await ward.ExecuteScalarAsync(cancellationToken))!, $"unknown ward '{wardCode}'");
    }

    /// <summary>
    /// A read transaction with PostgreSQL's JIT off. The planner prices these spatial queries high enough to compile
    /// them, and compiling took longer (2 s on 2 busy cores) than running them; SET LOCAL ends with the transaction.
    /// </summary>
    internal static async Task<NpgsqlTransaction> WithoutJitAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var off = new NpgsqlCommand("SET LOCAL jit = off", connection, transaction);
        await off.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    internal static void AddParameters(NpgsqlCommand command, CoverageRequest request)
    {
        command.Parameters.Add(new NpgsqlParameter("ward", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)request.WardCode ?? DBNull.Value });
        command.Parameters.AddWithValue("with_planned", request.IncludePlanned);
    }
}
