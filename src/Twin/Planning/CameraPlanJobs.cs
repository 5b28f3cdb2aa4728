using System.Collections.Concurrent;
using CityTwin.Twin.Common;
using Microsoft.Extensions.Logging;

namespace CityTwin.Twin.Planning;

/// <summary>
/// Large plans run in the background: <see cref="Start"/> validates and returns the plan id at once, and
/// <see cref="Watch"/> streams its progress (the latest step first) until it is done or failed. Finished jobs are
/// forgotten after an hour; the plan itself stays stored.
/// </summary>
public sealed partial class CameraPlanJobs(CameraPlanner planner, ILogger<CameraPlanJobs> logger, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan KeepFinished = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, PlanJob> jobs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Starts planning; bad input is refused here, before a job exists.</summary>
    /// <exception cref="TwinValidationException">The request fails <see cref="CameraPlanner.Check"/>.</exception>
    public string Start(PlanRequest request)
    {
        CameraPlanner.Check(request);
        Forget();
        var id = CameraPlanner.NewId();
        var job = new PlanJob(new PlanProgress(id, PlanStage.Building, 0));
        jobs[id] = job;
        _ = Task.Run(async () =>
        {
            try
            {
                await planner.PlanAsync(request, new InlineProgress<PlanProgress>(job.Publish), id, stopping.Token);
            }
            catch (TwinValidationException e)
            {
                job.Publish(new PlanProgress(id, PlanStage.Failed, 1, Message: e.Message));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                job.Publish(new PlanProgress(id, PlanStage.Failed, 1, Message: "the host stopped"));
            }
            catch (Exception e)
            {
                LogFailed(logger, id, e);
                job.Publish(new PlanProgress(id, PlanStage.Failed, 1, Message: "planning failed (the log has the reason)"));
            }
            job.FinishedAt = clock.GetUtcNow();
        });
        return id;
    }

    /// <summary>The plan's progress from its latest step on, or null for a plan no job here knows.</summary>
    public IObservable<PlanProgress>? Watch(string planId) => jobs.TryGetValue(planId, out var job) ? job : null;

    /// <inheritdoc />
    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private void Forget()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, job) in jobs)
            if (job.FinishedAt is { } finished && now - finished > KeepFinished) jobs.TryRemove(id, out _);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Camera plan {PlanId} failed")]
    private static partial void LogFailed(ILogger logger, string planId, Exception exception);

    /// <summary>One job's progress stream: replays the latest step to each new observer, completes after the last.</summary>
    private sealed class PlanJob(PlanProgress first) : IObservable<PlanProgress>
    {
        private readonly Lock gate = new();
        private readonly List<IObserver<PlanProgress>> observers = [];
        private PlanProgress latest = first;

        public DateTimeOffset? FinishedAt { get; set; }

        public void Publish(PlanProgress progress)
        {
            IObserver<PlanProgress>[] current;
            lock (gate)
            {
                if (Terminal(latest)) return;
                latest = progress;
                current = [.. observers];
                if (Terminal(progress)) observers.Clear();
            }
            foreach (var observer in current)
            {
                observer.OnNext(progress);
                if (Terminal(progress)) observer.OnCompleted();
            }
        }

        public IDisposable Subscribe(IObserver<PlanProgress> observer)
        {
            PlanProgress now;
            lock (gate)
            {
                now = latest;
                if (!Terminal(now)) observers.Add(observer);
            }
            observer.OnNext(now);
            if (Terminal(now)) observer.OnCompleted();
            return new Unsubscriber(() => { lock (gate) observers.Remove(observer); });
        }

        private static bool Terminal(PlanProgress progress) => progress.Stage is PlanStage.Done or PlanStage.Failed;
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
