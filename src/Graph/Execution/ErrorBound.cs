using GraphQL;

namespace CityTwin.Graph.Execution;

/// <summary>
/// Caps the errors of one response: a document with 3,000 unused variables is one mistake, and answering it with
/// 3,000 errors (460 KB) would let a small request buy a large reply.
/// </summary>
internal static class ErrorBound
{
    public static ExecutionResult Apply(ExecutionResult result, int maxErrors)
    {
        if (result.Errors is not { } errors || errors.Count <= maxErrors || maxErrors < 1) return result;
        var kept = new ExecutionErrors();
        kept.AddRange(errors.Take(maxErrors - 1));
        var first = errors[0];
        kept.Add(new ExecutionError($"{errors.Count - kept.Count} more errors were left out of this response; fix the ones above first.")
        {
            Code = first.Code,
        });
        result.Errors = kept;
        return result;
    }
}
