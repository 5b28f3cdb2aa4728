using CityTwin.Graph.Extensions;
using CityTwin.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>The schema takes its subscription root from DI, so the live fan-out plugs in without the schema knowing it.</summary>
public sealed class SubscriptionRootTests
{
    [Fact]
    public void Schema_SubscriptionRootInDi_BecomesTheSubscriptionType()
    {
        using var services = new ServiceCollection().AddLogging()
            .AddSingleton<ITwinSubscriptionRoot, StubSubscriptionRoot>()
            .AddCityTwinSchema()
            .BuildServiceProvider();

        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();

        Assert.Equal("Subscription", schema.Subscription?.Name);
        Assert.NotNull(schema.Subscription!.GetField("ticks"));
    }

    /// <summary>A stand-in for the live engineer's root: one field with a stream that never emits.</summary>
    private sealed class StubSubscriptionRoot : ObjectGraphType, ITwinSubscriptionRoot
    {
        public StubSubscriptionRoot()
        {
            Name = "Subscription";
            Field<StringGraphType>("ticks").ResolveStream(_ => new Silent());
        }
    }

    private sealed class Silent : IObservable<object?>
    {
        public IDisposable Subscribe(IObserver<object?> observer) => new Nothing();

        private sealed class Nothing : IDisposable
        {
            public void Dispose() { }
        }
    }
}
