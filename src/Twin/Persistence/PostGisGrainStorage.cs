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
    /// <summary>
    /// The storage name grains use in <c>[PersistentState(..., PostGisGrainStorage.Name)]</c>. It must differ from the
    /// stream provider name: Orleans looks for the stream pub/sub store under the provider name first.
    /// </summary>
    public const string Name = "twin-postgis";

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
        var state = grainState.State ?? throw new InvalidOperationException($"grain {grainId} has no state to write");
        int version;
        try
        {
            version = await TableFor<T>().WriteAsync(db, KeyOf(grainId), state, VersionOf(grainState), CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException)
        {
            throw TwinStorageException.From($"writing {grainId}", e);
        }
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
