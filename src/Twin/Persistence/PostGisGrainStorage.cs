using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CityTwin.Twin.Persistence;

/// <summary>
/// Orleans grain storage over the twin's PostGIS tables. Each state type has its own table, found through
/// <see cref="IStateTable{TState}"/> in DI; the row version is the ETag. A failed write throws and changes nothing,
/// which is what lets grains publish an event only after their change is stored.
/// </summary>
public sealed class PostGisGrainStorage(IServiceProvider services, IDbContextFactory<TwinDbContext> contexts) : IGrainStorage
{
    /// <summary>The storage name grains use in <c>[PersistentState(..., PostGisGrainStorage.Name)]</c>.</summary>
    public const string Name = "twin";

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var stored = await TableFor<T>().ReadAsync(db, KeyOf(grainId), CancellationToken.None);
        if (stored is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        grainState.State = stored.State;
        grainState.ETag = stored.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var version = await TableFor<T>().WriteAsync(db, KeyOf(grainId), grainState.State ?? throw new InvalidOperationException($"grain {grainId} has no state to write"), VersionOf(grainState), CancellationToken.None);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await TableFor<T>().DeleteAsync(db, KeyOf(grainId), VersionOf(grainState), CancellationToken.None);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private IStateTable<T> TableFor<T>() =>
        services.GetService<IStateTable<T>>()
        ?? throw new InvalidOperationException($"no PostGIS table is registered for grain state {typeof(T).Name}");

    private static string KeyOf(GrainId grainId) => grainId.Key.ToString()!;

    private static int? VersionOf<T>(IGrainState<T> state) =>
        state.ETag is null ? null : int.Parse(state.ETag, CultureInfo.InvariantCulture);
}
