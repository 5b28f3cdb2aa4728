using CityTwin.Graph.Schema.Live;
using CityTwin.Twin.Markets;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>SessionUpdate</c> event: a livestream session's totals after a stored change.</summary>
public sealed class SessionUpdateGraphType : ObjectGraphType<SessionChanged>
{
    public SessionUpdateGraphType()
    {
        Name = "SessionUpdate";
        Description = "A livestream session's totals after a change was stored.";
        this.AddEventFields();
        Field<NonNullGraphType<IdGraphType>>("marketId").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<IdGraphType>>("sessionId").Resolve(c => c.Source.Totals.SessionId);
        Field<NonNullGraphType<StringGraphType>>("platform").Resolve(c => c.Source.Platform);
        Field<NonNullGraphType<LongGraphType>>("orderCount").Resolve(c => c.Source.Totals.OrderCount);
        Field<NonNullGraphType<LongGraphType>>("revenueVnd").Resolve(c => c.Source.Totals.RevenueVnd);
    }
}
