using System.Text.Json;
using CityTwin.Graph.Execution;

namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>
/// Checks a client's message against the graphql-transport-ws spec: JSON in UTF-8, an object with a known client
/// <c>type</c>, a non-empty <c>id</c> where the type needs one, and the payload shape of that type. Anything else is an
/// invalid message, which the connection answers with 4400 and the returned reason.
/// </summary>
internal static class ClientMessageParser
{
    public static ClientMessage? TryParse(ReadOnlyMemory<byte> utf8, out string error)
    {
        error = "";
        // JsonDocument checks UTF-8 only inside the strings it is asked for, and then throws: check it all first (found by fuzzing).
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span)) return Fail("Invalid message: not UTF-8 JSON", out error);
        JsonDocument document;
        try
        {
            // JsonDocument rejects malformed UTF-8 as well as malformed JSON.
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            return Fail("Invalid message: not UTF-8 JSON", out error);
        }
        using (document)
        {
            try
            {
                return Parse(document.RootElement, out error);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json refuses a lone surrogate escape ("\ud800") only when the string is read.
                return Fail($"Invalid message: {JsonText.LoneSurrogate}", out error);
            }
        }
    }

    private static ClientMessage? Parse(JsonElement json, out string error)
    {
        error = "";
        if (json.ValueKind != JsonValueKind.Object)
            return Fail("Invalid message: not a JSON object", out error);
        if (!json.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            return Fail("Invalid message: no 'type' string", out error);
        var type = typeElement.GetString()!;
        return type switch
        {
            MessageType.ConnectionInit => WithOptionalPayload(json, type, out error) is { } init
                ? init with { Authorization = AuthorizationOf(json) }
                : null,
            MessageType.Ping or MessageType.Pong => WithOptionalPayload(json, type, out error),
            MessageType.Subscribe => Subscribe(json, out error),
            MessageType.Complete => IdOf(json, type, out error) is { } id ? new ClientMessage(type, id) : null,
            MessageType.Next or MessageType.Error or MessageType.ConnectionAck =>
                Fail($"Invalid message: '{type}' is sent by servers, not clients", out error),
            _ => Fail($"Invalid message: unknown type '{type}'", out error),
        };
    }

    private static ClientMessage? Subscribe(JsonElement json, out string error)
    {
        if (IdOf(json, MessageType.Subscribe, out error) is not { } id) return null;
        if (!json.TryGetProperty("payload", out var payload))
            return Fail("Invalid message: 'subscribe' needs a 'payload'", out error);
        var request = GraphQLRequestReader.TryRead(payload, out var shapeError);
        return request is null
            ? Fail($"Invalid message: 'subscribe' payload: {shapeError}", out error)
            : new ClientMessage(MessageType.Subscribe, id, request);
    }

    private static string? IdOf(JsonElement json, string type, out string error)
    {
        error = "";
        if (json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text)
            return text;
        error = $"Invalid message: '{type}' needs a non-empty 'id' string";
        return null;
    }

    /// <summary><c>connection_init</c>, <c>ping</c> and <c>pong</c> may carry a payload, which must then be an object.</summary>
    private static ClientMessage? WithOptionalPayload(JsonElement json, string type, out string error)
    {
        error = "";
        if (json.TryGetProperty("payload", out var payload) && payload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            return Fail($"Invalid message: '{type}' payload must be an object", out error);
        return new ClientMessage(type);
    }

    private static string? AuthorizationOf(JsonElement json) =>
        json.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty("authorization", out var authorization) && authorization.ValueKind == JsonValueKind.String
            ? authorization.GetString()
            : null;

    private static ClientMessage? Fail(string message, out string error)
    {
        error = message;
        return null;
    }
}
