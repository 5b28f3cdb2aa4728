using System.Text.Json;
using CityTwin.Graph.Execution;
using GraphQL;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>A result as GraphQL.NET returned it and as JSON, with helpers that fail with the errors in the message.</summary>
public sealed record GraphResult(ExecutionResult Result, JsonElement Json, TwinUserContext UserContext)
{
    /// <summary>The value at a dotted path under <c>data</c>, e.g. <c>cameras.pageInfo.hasNextPage</c> (array indexes allowed).</summary>
    public JsonElement Data(string path)
    {
        AssertNoErrors();
        return At(Json.GetProperty("data"), path);
    }

    public void AssertNoErrors() =>
        Assert.True(Result.Errors is null or { Count: 0 },
            "unexpected errors: " + string.Join(" | ", (Result.Errors ?? []).Select(e => $"{e.Code}: {e.Message} {e.InnerException}")));

    /// <summary>The <c>extensions.code</c> values of the errors, as the client reads them.</summary>
    public IReadOnlyList<string?> ErrorCodes =>
        Json.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null).ToList()
            : [];

    public string ErrorMessages => string.Join(" | ", (Result.Errors ?? []).Select(e => e.Message));

    /// <summary>The value at a path under <c>data</c>, allowing errors (for fields that fail next to others).</summary>
    public JsonElement DataAllowingErrors(string path) => At(Json.GetProperty("data"), path);

    private static JsonElement At(JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
            element = int.TryParse(part, out var index) ? element[index] : element.GetProperty(part);
        return element;
    }
}
