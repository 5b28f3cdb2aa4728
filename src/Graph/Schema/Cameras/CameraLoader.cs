using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Persistence;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.Schema.Cameras;

/// <summary>
/// Cameras by id for fields that name a camera (a sighting's camera, an incident's source cameras): one
/// <c>WHERE id = ANY(@ids)</c> per request level instead of one query per sighting.
/// </summary>
public static class CameraLoader
{
    /// <summary>Where the request's camera loader sits in its user context.</summary>
    public const string Name = "citytwin.loader.cameras";

    public static IDataLoaderResult<CameraNode?> Load(IResolveFieldContext context, string cameraId) =>
        For(context).Load(cameraId);

    public static IDataLoaderResult<IReadOnlyList<CameraNode>> LoadMany(IResolveFieldContext context, IEnumerable<string> cameraIds) =>
        For(context).LoadMany(cameraIds);

    private static BatchLoader<string, CameraNode> For(IResolveFieldContext context)
    {
        var contexts = context.Service<IDbContextFactory<TwinDbContext>>();
        return context.GetOrAddLoader<string, CameraNode>(Name, async (ids, cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var rows = await db.WithIds(ids).AsNoTracking().ToListAsync(cancellationToken);
            return rows.ToDictionary(row => row.Id, row => CameraNode.From(row));
        });
    }
}
