using CityTwin.Twin.Common;

namespace CityTwin.Graph.Schema.Common;

/// <summary>What a mutation returns: the object as it is after the change, or the errors that stopped it.</summary>
public sealed record Payload<TNode>(TNode? Node, IReadOnlyList<UserError> Errors) where TNode : class
{
    public static Payload<TNode> Ok(TNode node) => new(node, []);

    public static Payload<TNode> Fail(string code, string message, string? field = null) => new(null, [new UserError(code, message, field)]);

    /// <summary>
    /// Runs a change on the twin. A <see cref="TwinValidationException"/> (a refused plate, a transition out of order, a
    /// time in the future) becomes INVALID_INPUT with the twin's own message; anything else is a fault for the runner.
    /// </summary>
    public static async Task<Payload<TNode>> TryAsync(Func<Task<TNode>> change, string? field = null)
    {
        try
        {
            return Ok(await change());
        }
        catch (TwinValidationException e)
        {
            return Fail(SchemaErrorCodes.InvalidInput, e.Message, field);
        }
    }
}
