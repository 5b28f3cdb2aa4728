namespace CityTwin.Twin.Stores;

/// <summary>A market or retailer and its livestream sales. Key: store id.</summary>
[Alias("CityTwin.IStoreGrain")]
public interface IStoreGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<StoreState?> GetAsync();

    /// <summary>Creates the store or updates its place; idempotent.</summary>
    [Alias("Register")] Task RegisterAsync(StoreDefinition definition);

    /// <summary>Adds a session's orders and revenue; a session id already applied changes nothing.</summary>
    [Alias("RecordLivestreamSession")] Task<StoreState> RecordLivestreamSessionAsync(LivestreamSession session);
}
