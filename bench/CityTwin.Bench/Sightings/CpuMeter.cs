using System.Diagnostics;

namespace CityTwin.Bench.Sightings;

/// <summary>
/// Average cores busy during a window: this process, the PostgreSQL backends of this run's database, and every
/// other process (a lower bound: processes that start and end inside the window are missed).
/// </summary>
public sealed record CpuUse(double Process, double Database, double Others);

/// <summary>
/// CPU used during a window by this process (silo + load generator), by the PostgreSQL backends serving this
/// run's database (same cores), and by everything else: tells whether a ceiling is CPU, whose, and whether
/// unrelated work disturbed the run. Per-process times are used because the machine-wide counters of /proc/stat
/// under-count in this VM (they read below this process alone). Reads /proc: Linux only (zeros elsewhere).
/// </summary>
public sealed class CpuMeter
{
    private readonly string databaseName;
    private readonly TimeSpan processStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly Dictionary<int, (long Ticks, bool Ours)> start;
    private readonly Stopwatch wall = Stopwatch.StartNew();

    public CpuMeter(string databaseName)
    {
        this.databaseName = databaseName;
        start = ReadProcesses(databaseName);
    }

    public CpuUse Stop()
    {
        var seconds = wall.Elapsed.TotalSeconds;
        var process = (Process.GetCurrentProcess().TotalProcessorTime - processStart).TotalSeconds / seconds;
        // Processes that started during the window count from zero; pooled connections normally live throughout.
        var self = Environment.ProcessId;
        var deltas = ReadProcesses(databaseName).Where(p => p.Key != self)
            .Select(p => (p.Value.Ours, Ticks: p.Value.Ticks - (start.TryGetValue(p.Key, out var s) ? s.Ticks : 0)))
            .ToList();
        double Cores(bool ours) => deltas.Where(d => d.Ours == ours).Sum(d => d.Ticks) / (double)ClockTicksPerSecond / seconds;
        return new CpuUse(process, Cores(ours: true), Cores(ours: false));
    }

    // USER_HZ is 100 on every Linux build .NET runs on.
    private const int ClockTicksPerSecond = 100;

    /// <summary>utime + stime of every process; ours when its title names the database ("postgres: user db host state").</summary>
    private static Dictionary<int, (long Ticks, bool Ours)> ReadProcesses(string databaseName)
    {
        var ticks = new Dictionary<int, (long, bool)>();
        if (!Directory.Exists("/proc")) return ticks;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var ours = File.ReadAllText(Path.Combine(dir, "cmdline")).Contains($" {databaseName} ", StringComparison.Ordinal);
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the ")" that closes the command name: state is field 3, utime 14 and stime 15.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks[pid] = (long.Parse(fields[11]) + long.Parse(fields[12]), ours);
            }
            catch (IOException) { } // the process ended while being read
            catch (UnauthorizedAccessException) { }
        }
        return ticks;
    }
}
