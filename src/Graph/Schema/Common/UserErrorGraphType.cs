using GraphQL.Types;

namespace CityTwin.Graph.Schema.Common;

/// <summary>The <c>UserError</c> type of mutation payloads.</summary>
public sealed class UserErrorGraphType : ObjectGraphType<UserError>
{
    public UserErrorGraphType()
    {
        Name = "UserError";
        Description = "Why a mutation changed nothing: a code (INVALID_INPUT, NOT_FOUND), a readable message, and the argument at fault.";
        Field(e => e.Code).Description("INVALID_INPUT when the twin refused the values, NOT_FOUND when an id names nothing.");
        Field(e => e.Message);
        Field(e => e.Field, nullable: true).Description("The argument at fault, when there is one.");
    }
}
