using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Finds which kind of operation a request would run, before running it, so a transport can refuse what it must not
/// execute (a mutation over HTTP GET, a subscription over HTTP). Documents that do not parse or name no single
/// operation give null: the runner then reports the precise error.
/// </summary>
internal static class OperationKindProbe
{
    private static readonly ParserOptions Options = new() { Ignore = IgnoreOptions.All };

    public static OperationType? Find(string? query, string? operationName)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, Options);
        }
        catch (GraphQLParserException)
        {
            return null;
        }
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (string.IsNullOrEmpty(operationName))
            return operations.Count == 1 ? operations[0].Operation : null;
        return operations.FirstOrDefault(o => o.Name is not null && o.Name.Value == operationName)?.Operation;
    }
}
