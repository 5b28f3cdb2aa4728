using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CityTwin.Graph.Tests.Imaging;

/// <summary>Keeps every log line the host writes (category and message), so a test can read what an operator would.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    /// <summary>Waits until a line contains every one of <paramref name="parts"/>; returns it, or fails with what was logged.</summary>
    public async Task<string> WaitForAsync(TimeSpan limit, params string[] parts)
    {
        for (var deadline = DateTime.UtcNow + limit; DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var line = lines.FirstOrDefault(l => parts.All(p => l.Contains(p, StringComparison.Ordinal)));
            if (line is not null) return line;
        }
        Assert.Fail($"no log line with [{string.Join("] [", parts)}]; logged:\n{string.Join("\n", lines.TakeLast(40))}");
        return "";
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
        }
    }
}
