using GraphQL.Types;

namespace CityTwin.Graph.Schema;

/// <summary>
/// The subscription root type. The schema takes it from DI, so the live fan-out (src/Graph/Live) owns its fields
/// without the query and mutation types depending on it.
/// </summary>
public interface ITwinSubscriptionRoot : IObjectGraphType;
