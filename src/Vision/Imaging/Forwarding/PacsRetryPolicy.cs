using CityTwin.Vision.Imaging.Network.Scu;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace CityTwin.Vision.Imaging.Forwarding;

/// <summary>
/// The one retry policy of PACS forwarding (Polly): a failure that may pass (PACS down, refusing the association,
/// timing out, out of resources) is retried with exponential back-off and jitter from <see cref="PacsOptions.InitialDelay"/>
/// up to <see cref="PacsOptions.MaxDelay"/>, until an item has had <see cref="PacsOptions.MaxAttempts"/> attempts in all
/// (attempts before a restart count). A refusal that would repeat is never retried.
/// </summary>
public sealed class PacsRetryPolicy
{
    /// <summary>Attempts the item had before this run of the pipeline (stored in <c>pacs_forwards</c>).</summary>
    public static readonly ResiliencePropertyKey<int> EarlierAttempts = new("citytwin.pacs.earlier-attempts");

    /// <summary>Called before each retry's wait with the failure and the delay, so the wait is recorded first.</summary>
    public static readonly ResiliencePropertyKey<Func<Exception, TimeSpan, ValueTask>> BeforeRetry = new("citytwin.pacs.before-retry");

    public PacsRetryPolicy(IOptions<PacsOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        if (settings.MaxAttempts < 1) throw new ArgumentException($"{PacsOptions.Section}:MaxAttempts must be at least 1");
        Pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is PacsException { Transient: true }
                    && args.Context.Properties.GetValue(EarlierAttempts, 0) + args.AttemptNumber + 1 < settings.MaxAttempts),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.InitialDelay,
                MaxDelay = settings.MaxDelay,
                OnRetry = args => args.Context.Properties.TryGetValue(BeforeRetry, out var record) && args.Outcome.Exception is { } error
                    ? record(error, args.RetryDelay)
                    : ValueTask.CompletedTask,
            })
            .Build();
    }

    public ResiliencePipeline Pipeline { get; }
}
