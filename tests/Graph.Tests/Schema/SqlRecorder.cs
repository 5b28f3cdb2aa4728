using System.Collections.Concurrent;
using System.Diagnostics;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>
/// Records the SQL that Npgsql runs on one database, from Npgsql's own tracing (ActivitySource "Npgsql"), so a test
/// counts real round trips rather than trusting the code under test. Other databases (other test classes) are ignored.
/// </summary>
public sealed class SqlRecorder : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<string> statements = new();

    public SqlRecorder(string database)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.namespace") as string == database && activity.GetTagItem("db.query.text") is string sql)
                    statements.Enqueue(sql);
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<string> Statements => statements.ToArray();

    /// <summary>Statements that read the given table.</summary>
    public IReadOnlyList<string> Reading(string table) =>
        Statements.Where(s => s.Contains($"FROM {table} ", StringComparison.OrdinalIgnoreCase)
            || s.Contains($"FROM \"{table}\"", StringComparison.OrdinalIgnoreCase)).ToList();

    public void Dispose() => listener.Dispose();
}
