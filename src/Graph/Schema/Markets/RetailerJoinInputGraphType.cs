using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>The <c>RetailerJoinInput</c> input.</summary>
public sealed class RetailerJoinInputGraphType : InputObjectGraphType<RetailerJoinInput>
{
    public RetailerJoinInputGraphType()
    {
        Name = "RetailerJoinInput";
        Description = "A retailer joining a market. Name a store not yet known (and optionally its position) to register it as the market's retailer, in the market's ward.";
        Field<NonNullGraphType<IdGraphType>>("storeId");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("joinedAt");
        Field<StringGraphType>("name");
        Field<FloatGraphType>("lon").Description("Default: the market's position.");
        Field<FloatGraphType>("lat").Description("Default: the market's position.");
    }
}
