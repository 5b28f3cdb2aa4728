namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// A typed error in a mutation payload: the request was understood but the twin refused it. <see cref="Field"/> names
/// the argument at fault, where one is.
/// </summary>
public sealed record UserError(string Code, string Message, string? Field = null);
