using System.Text.Json;
using CityTwin.Graph.Execution;
using GraphQL;

namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>The messages the server sends (see <see cref="MessageType"/>), rendered as the spec shapes them.</summary>
internal static class ServerMessages
{
    public static readonly IOutgoingMessage ConnectionAck = new Fixed($$"""{"type":"{{MessageType.ConnectionAck}}"}""");
    public static readonly IOutgoingMessage Ping = new Fixed($$"""{"type":"{{MessageType.Ping}}"}""");
    public static readonly IOutgoingMessage Pong = new Fixed($$"""{"type":"{{MessageType.Pong}}"}""");

    /// <summary><c>next</c> with one execution result as payload.</summary>
    public static IOutgoingMessage Next(RunningOperation operation, ExecutionResult result, IGraphQLRunner runner) =>
        new ForOperation(operation, MessageType.Next, () => runner.SerializeShared(result));

    /// <summary><c>error</c> with the result's errors as payload (a GraphQL error array, without <c>data</c>).</summary>
    public static IOutgoingMessage Error(RunningOperation operation, ExecutionResult result, IGraphQLRunner runner) =>
        new ForOperation(operation, MessageType.Error, () => ErrorsOf(runner.Serialize(result)));

    public static IOutgoingMessage Complete(RunningOperation operation) =>
        new ForOperation(operation, MessageType.Complete, null);

    private static string ErrorsOf(string serializedResult)
    {
        using var document = JsonDocument.Parse(serializedResult);
        return document.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
    }

    private sealed class Fixed(string json) : IOutgoingMessage
    {
        public string Render() => json;
    }

    /// <summary>A message of one operation: dropped if the client completed the operation before it was sent.</summary>
    private sealed class ForOperation(RunningOperation operation, string type, Func<string>? payload) : IOutgoingMessage
    {
        public string? Render()
        {
            if (operation.StoppedByClient) return null;
            var id = JsonSerializer.Serialize(operation.Id);
            return payload is null
                ? $$"""{"id":{{id}},"type":"{{type}}"}"""
                : $$"""{"id":{{id}},"type":"{{type}}","payload":{{payload()}}}""";
        }
    }
}
