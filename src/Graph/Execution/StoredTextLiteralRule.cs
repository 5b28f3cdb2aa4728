using CityTwin.Twin.Common;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Refuses string literals written in the document that PostgreSQL could not store: a GraphQL escape such as
/// <c>"\ud800"</c> or <c>"\u0000"</c> inside the query text decodes to a lone surrogate or a NUL, which the JSON body
/// checks cannot see. Variables are checked where the request is read (<see cref="VariablesText"/>); this is the same
/// rule, <see cref="StoredText"/>, for literals, so such input is a validation error before anything runs.
/// </summary>
internal sealed class StoredTextLiteralRule : ValidationRuleBase
{
    public static readonly StoredTextLiteralRule Instance = new();

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLStringValue>((literal, context) =>
    {
        if (StoredText.Problem(new string(literal.Value.Span)) is { } problem)
            context.ReportError(new ValidationError(context.Document.Source, null, $"A string literal {problem}.", literal));
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
