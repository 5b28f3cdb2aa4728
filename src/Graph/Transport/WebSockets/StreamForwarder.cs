using GraphQL;

namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>
/// Observes one subscription's result stream (<see cref="ExecutionResult.Streams"/>) and turns its events into protocol
/// messages: each result a <c>next</c>, the end a <c>complete</c>, a failure an <c>error</c>.
/// </summary>
internal sealed class StreamForwarder(RunningOperation operation, GraphQLWsConnection connection) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value)
    {
        if (!operation.Cancellation.IsCancellationRequested) connection.SendNext(operation, value);
    }

    public void OnError(Exception error) => connection.FailOperation(operation, error);

    public void OnCompleted() => connection.CompleteOperation(operation);
}
