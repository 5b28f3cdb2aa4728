using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CityTwin.Vision.Tests.Frames;

/// <summary>Keeps formatted log lines so a test can check that a failure was logged clearly.</summary>
public sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>The lines logged, as "Level: message".</summary>
    public IReadOnlyList<string> Lines => _lines.ToList();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
}
