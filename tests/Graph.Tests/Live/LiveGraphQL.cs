using System.Text.Json;
using CityTwin.Graph.Auth;
using CityTwin.Graph.Execution;
using CityTwin.Graph.Schema;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Graph.Tests.Live;

/// <summary>Runs subscription documents through GraphQL.NET's <see cref="DocumentExecuter"/> as the transport will.</summary>
public static class LiveGraphQL
{
    private static readonly GraphQLSerializer Serializer = new();

    public static TwinPrincipal Operator { get; } = new("test-operator", TwinRole.Operator);
    public static TwinPrincipal Partner { get; } = new("test-partner", TwinRole.Partner);
    public static TwinPrincipal Planner { get; } = new("test-planner", TwinRole.Planner);

    public static TwinPrincipal Clinic(string clinicId) => new($"test-clinic-{clinicId}", TwinRole.Clinic, clinicId);

    /// <summary>A schema of the services' subscription root and a placeholder query (the query root belongs to the schema, not to live).</summary>
    public static ISchema CreateSchema(IServiceProvider services)
    {
        var schema = new GraphQL.Types.Schema(services)
        {
            Query = new PlaceholderQuery(),
            Subscription = services.GetRequiredService<ITwinSubscriptionRoot>(),
        };
        schema.Initialize();
        return schema;
    }

    public static Task<ExecutionResult> ExecuteAsync(ISchema schema, IServiceProvider services, string document, TwinPrincipal principal) =>
        new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = document,
            UserContext = new TwinUserContext(principal),
            RequestServices = services,
        });

    /// <summary>Subscribes to the single field of <paramref name="document"/>; fails with the errors when it did not start.</summary>
    public static async Task<(JsonRecorder Recorder, IDisposable Subscription)> SubscribeAsync(
        ISchema schema, IServiceProvider services, string document, TwinPrincipal principal)
    {
        var result = await ExecuteAsync(schema, services, document, principal);
        Assert.True(result.Streams is { Count: 1 }, $"the subscription did not start: {Serialize(result)}");
        var recorder = new JsonRecorder();
        return (recorder, result.Streams!.Values.Single().Subscribe(recorder));
    }

    public static JsonElement Serialize(ExecutionResult result) => JsonDocument.Parse(Serializer.Serialize(result)).RootElement.Clone();

    /// <summary>The <c>extensions.code</c> of each error of a result.</summary>
    public static IReadOnlyList<string?> ErrorCodes(ExecutionResult result) =>
        Serialize(result).TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null).ToList()
            : [];

    /// <summary>The stream's results as JSON, as a client would receive them.</summary>
    public sealed class JsonRecorder : IObserver<ExecutionResult>
    {
        public Recorder<JsonElement> Results { get; } = new();

        /// <summary>Waits for a result whose <c>data.{field}</c> satisfies <paramref name="match"/>.</summary>
        public async Task<JsonElement> WaitForAsync(string field, Func<JsonElement, bool> match)
        {
            var results = await Results.WaitAsync(r => r.Any(x => Data(x, field) is { } d && match(d)));
            return results.Select(x => Data(x, field)).First(d => d is { } e && match(e))!.Value;
        }

        /// <summary>The <c>data.{field}</c> of every result so far.</summary>
        public IReadOnlyList<JsonElement> DataOf(string field) => Results.Received.Select(x => Data(x, field)).OfType<JsonElement>().ToList();

        public void OnNext(ExecutionResult value) => Results.OnNext(Serialize(value));

        public void OnError(Exception error) => Results.OnError(error);

        public void OnCompleted() => Results.OnCompleted();

        private static JsonElement? Data(JsonElement result, string field) =>
            result.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty(field, out var value) ? value : null;
    }

    private sealed class PlaceholderQuery : ObjectGraphType
    {
        public PlaceholderQuery()
        {
            Name = "Query";
            Field<StringGraphType>("ping").Resolve(_ => "pong");
        }
    }
}
