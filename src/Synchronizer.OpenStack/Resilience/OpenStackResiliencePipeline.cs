using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Resilience;

/// <summary>
/// Builds the pipeline every OpenStack request runs through: an overall budget (<c>total_timeout</c>)
/// around retries with exponential backoff and jitter (<c>max_retries</c>, <c>retry_base_delay</c>,
/// <c>retry_max_delay</c>, <c>Retry-After</c> up to <c>retry_after_max</c>) around a per-attempt
/// time-out (<c>request_timeout</c>). All waits run on the injected <see cref="TimeProvider"/>.
/// </summary>
internal static class OpenStackResiliencePipeline
{
    /// <summary>The request, for log lines about its retries.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Synchronizer.OpenStack.Request");

    public static ResiliencePipeline<HttpResponseMessage> Build(ServiceCredentialsOptions options, TimeProvider timeProvider, ILogger logger, Func<double>? randomizer = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        builder.AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
        if (options.MaxRetries > 0)
        {
            var retry = new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
                MaxDelay = TimeSpan.FromSeconds(options.RetryMaxDelaySeconds),
                ShouldHandle = args => ValueTask.FromResult(TransientFaults.IsTransient(args.Outcome)),

                // Polly uses its own backoff when this answers null.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response
                    ? RetryAfter.Delay(response, timeProvider.GetUtcNow(), TimeSpan.FromSeconds(options.RetryAfterMaxSeconds))
                    : null),
                OnRetry = args =>
                {
                    LogRetry(logger, args, options.MaxRetries);
                    return ValueTask.CompletedTask;
                },
            };
            if (randomizer is not null)
            {
                retry.Randomizer = randomizer;
            }

            builder.AddRetry(retry);
        }

        builder.AddTimeout(TimeSpan.FromSeconds(options.RequestTimeoutSeconds));
        return builder.Build();
    }

    private static void LogRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args, int maxRetries)
    {
        var request = args.Context.Properties.GetValue(RequestKey, null!);

        // The path only: a query can be long, and no header (the token) is ever logged.
        var target = request?.RequestUri is { } uri ? uri.GetLeftPart(UriPartial.Path) : "(unknown)";
        var reason = args.Outcome.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
        Log.Retrying(logger, request?.Method.Method ?? "?", target, reason, args.AttemptNumber + 1, maxRetries, (long)args.RetryDelay.TotalMilliseconds);
    }
}
