using CityTwin.Twin.Common;
using CityTwin.Twin.Coverage;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace CityTwin.Twin.Planning;

/// <summary>Builds the <see cref="PlanningModel"/> of a request in PostGIS (<see cref="PlanningSql"/>).</summary>
public sealed class PlanningModelBuilder(NpgsqlDataSource dataSource)
{
    /// <summary>Candidates, uncovered elements and the coverage pairs for <paramref name="request"/>.</summary>
    /// <exception cref="TwinValidationException">No roads are imported, or the area is not a valid polygon.</exception>
    public async Task<PlanningModel> BuildAsync(PlanRequest request, CancellationToken cancellationToken = default)
    {
        var area = CheckArea(request.Area);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await CoverageCalculator.CheckAsync(connection, null, cancellationToken);
        await using var transaction = await CoverageCalculator.WithoutJitAsync(connection, cancellationToken);
        await using (var build = new NpgsqlCommand(PlanningSql.Build, connection, transaction))
        {
            CoverageCalculator.AddParameters(build, new CoverageRequest(IncludePlanned: true));
            build.Parameters.Add(new NpgsqlParameter("area", NpgsqlDbType.Geometry) { Value = (object?)area ?? DBNull.Value });
            build.Parameters.AddWithValue("all_classes", request.RoadClasses.Count == 0);
            build.Parameters.AddWithValue("classes", request.RoadClasses.Where(c => c != RoadClass.Gateway).Select(c => c.ToString().ToLowerInvariant()).ToArray());
            build.Parameters.AddWithValue("gateways", request.RoadClasses.Contains(RoadClass.Gateway));
            build.Parameters.AddWithValue("element_m", request.ElementLengthM);
            build.Parameters.AddWithValue("spacing_m", request.CandidateSpacingM);
            build.Parameters.AddWithValue("fov_deg", CameraSiteKinds.FieldOfViewDeg(request.Kind));
            build.CommandTimeout = 300;
            await build.ExecuteNonQueryAsync(cancellationToken);
        }

        double scope, coveredBefore;
        await using (var before = new NpgsqlCommand(PlanningSql.Before, connection, transaction))
        await using (var reader = await before.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (scope, coveredBefore) = (reader.GetDouble(0), reader.GetDouble(1));
        }

        var elements = new List<RoadElement>();
        await using (var command = new NpgsqlCommand(PlanningSql.Elements, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                var length = reader.GetDouble(3);
                elements.Add(new RoadElement(length, length * RoadClassRules.Weight(RoadClassRules.Parse(reader.GetString(1)), reader.GetBoolean(2))));
            }

        var sites = new List<CandidateSite>();
        await using (var command = new NpgsqlCommand(PlanningSql.Sites, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                sites.Add(new CandidateSite(reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetString(4)));

        var covers = sites.Select(_ => new List<int>()).ToArray();
        await using (var command = new NpgsqlCommand(PlanningSql.Pairs, connection, transaction))
        {
            command.Parameters.AddWithValue("range_m", CameraSiteKinds.RangeM(request.Kind));
            command.Parameters.AddWithValue("fov_deg", CameraSiteKinds.FieldOfViewDeg(request.Kind));
            command.CommandTimeout = 300;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                covers[reader.GetInt32(0)].Add(reader.GetInt32(1));
        }
        await transaction.CommitAsync(cancellationToken);
        return new PlanningModel(sites, elements, covers.Select(c => c.ToArray()).ToArray(), scope, coveredBefore);
    }

    /// <summary>A planning area must be a valid, simple WGS84 polygon; a self-intersecting outline is refused with the reason.</summary>
    public static Geometry? CheckArea(Geometry? area)
    {
        if (area is null) return null;
        TwinValidationException.Require(area is Polygon or MultiPolygon, $"area must be a Polygon or MultiPolygon, not {area.GeometryType}");
        TwinValidationException.Require(!area.IsEmpty, "area is empty");
        var validity = new NetTopologySuite.Operation.Valid.IsValidOp(area);
        TwinValidationException.Require(validity.IsValid, $"area is not a valid polygon: {validity.ValidationError?.Message} at {validity.ValidationError?.Coordinate}");
        TwinValidationException.Require(area.Coordinates.All(c => c.X is >= -180 and <= 180 && c.Y is >= -90 and <= 90),
            "area coordinates must be WGS84 longitude/latitude");
        area.SRID = 4326;
        return area;
    }
}
