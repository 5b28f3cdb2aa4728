using GraphQL.Types;

namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>The GraphQL type of a <see cref="Tick"/>.</summary>
public sealed class TickGraphType : ObjectGraphType<Tick>
{
    public TickGraphType()
    {
        Name = "Tick";
        Field(t => t.Seq);
        Field(t => t.Text);
    }
}
