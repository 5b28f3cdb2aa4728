using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Reads the JSON encoding of a GraphQL request (an HTTP POST body, a <c>subscribe</c> payload) and checks its shape as
/// the GraphQL-over-HTTP spec defines it: <c>query</c> a string, <c>operationName</c> a string or null,
/// <c>variables</c> and <c>extensions</c> objects or null. Other properties are ignored.
/// </summary>
internal static class GraphQLRequestReader
{
    // Reading needs no error provider: this instance only turns JSON values into GraphQL.NET's Inputs.
    private static readonly GraphQLSerializer Serializer = new();

    /// <summary>The request, or null with <paramref name="error"/> saying what is wrong with the shape.</summary>
    public static GraphQLRequest? TryRead(JsonElement json, out string error)
    {
        try
        {
            return Read(json, out error);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses a lone surrogate escape ("\ud800") only when the string is read.
            return Fail(JsonText.LoneSurrogate, out error);
        }
        catch (JsonException e)
        {
            // The variables converter wraps that same refusal in a JsonException.
            return Fail(e.InnerException is InvalidOperationException ? JsonText.LoneSurrogate : $"A value cannot be read: {e.Message}", out error);
        }
    }

    private static GraphQLRequest? Read(JsonElement json, out string error)
    {
        error = "";
        if (json.ValueKind != JsonValueKind.Object)
            return Fail("The request must be a JSON object.", out error);
        if (!json.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            return Fail("The request must have a 'query' string.", out error);
        string? operationName = null;
        if (json.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
                return Fail("'operationName' must be a string or null.", out error);
            operationName = name.GetString();
        }
        if (!TryReadMap(json, "variables", out var variables, out error) || !TryReadMap(json, "extensions", out var extensions, out error))
            return null;
        return new GraphQLRequest(query.GetString(), string.IsNullOrEmpty(operationName) ? null : operationName,
            variables, extensions);
    }

    /// <summary>A JSON object given as text (the GET encoding of <c>variables</c> and <c>extensions</c>).</summary>
    public static bool TryReadMapText(string? text, string name, out Inputs? map, out string error)
    {
        map = null;
        error = "";
        if (string.IsNullOrEmpty(text)) return true;
        try
        {
            using var document = JsonDocument.Parse(text);
            return TryReadValue(document.RootElement, name, out map, out error);
        }
        catch (JsonException e)
        {
            error = e.InnerException is InvalidOperationException ? $"'{name}': {JsonText.LoneSurrogate}" : $"'{name}' must be a JSON-encoded object.";
            return false;
        }
        catch (InvalidOperationException)
        {
            error = $"'{name}': {JsonText.LoneSurrogate}";
            return false;
        }
    }

    private static bool TryReadMap(JsonElement json, string name, out Inputs? map, out string error)
    {
        map = null;
        error = "";
        return !json.TryGetProperty(name, out var value) || TryReadValue(value, name, out map, out error);
    }

    private static bool TryReadValue(JsonElement value, string name, out Inputs? map, out string error)
    {
        map = null;
        error = "";
        if (value.ValueKind == JsonValueKind.Null) return true;
        if (value.ValueKind != JsonValueKind.Object)
        {
            error = $"'{name}' must be an object or null.";
            return false;
        }
        map = Serializer.ReadNode<Inputs>(value);
        return true;
    }

    private static GraphQLRequest? Fail(string message, out string error)
    {
        error = message;
        return null;
    }
}
