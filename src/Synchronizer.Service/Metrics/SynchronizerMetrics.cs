using System.Diagnostics.Metrics;

namespace Synchronizer.Service.Metrics;

/// <summary>
/// The instruments the service records into (CONTRACT §6): polls and their duration, notifications
/// published, RPC calls and the lag of the push path. The per-type gauges are in <see cref="EntityTypeGauges"/>.
/// </summary>
internal sealed class SynchronizerMetrics
{
    /// <summary>The <c>result</c> of a poll that completed.</summary>
    public const string Ok = "ok";

    /// <summary>The <c>result</c> of a poll that failed.</summary>
    public const string Failed = "failed";

    private static readonly double[] PollDurationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
    private static readonly double[] PushLagBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Counter<long> _polls;
    private readonly Histogram<double> _pollDuration;
    private readonly Counter<long> _notificationsPublished;
    private readonly Counter<long> _rpcCalls;
    private readonly Histogram<double> _pushLag;

    public SynchronizerMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MetricNames.Meter);
        _polls = meter.CreateCounter<long>(MetricNames.Polls, "{poll}", "Polls of an entity type that ended, by result (ok or failed).");
        _pollDuration = meter.CreateHistogram<double>(
            MetricNames.PollDuration, "s", "How long polls of an entity type took, listing and publishing included.", advice: new() { HistogramBucketBoundaries = PollDurationBuckets });
        _notificationsPublished = meter.CreateCounter<long>(MetricNames.NotificationsPublished, "{notification}", "Change notifications the broker confirmed, by entity type.");
        _rpcCalls = meter.CreateCounter<long>(MetricNames.RpcCalls, "{call}", "RPC calls served, by method and result (ok or the error class).");
        _pushLag = meter.CreateHistogram<double>(
            MetricNames.PushLag,
            "s",
            "Seconds from an OpenStack notification's timestamp to the recorded refresh of the entity it announced.",
            advice: new() { HistogramBucketBoundaries = PushLagBuckets });
    }

    /// <summary>Creates the poll series of each type at zero, so a first failure shows as an increase.</summary>
    /// <param name="entityTypes">The entity types.</param>
    public void InitializeTypes(IEnumerable<string> entityTypes)
    {
        ArgumentNullException.ThrowIfNull(entityTypes);
        foreach (var entityType in entityTypes)
        {
            _polls.Add(0, Tag(MetricNames.EntityTypeTag, entityType), Tag(MetricNames.ResultTag, Ok));
            _polls.Add(0, Tag(MetricNames.EntityTypeTag, entityType), Tag(MetricNames.ResultTag, Failed));
        }
    }

    /// <summary>Records one poll that ended.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="succeeded">Whether it completed.</param>
    /// <param name="duration">How long it took.</param>
    public void RecordPoll(string entityType, bool succeeded, TimeSpan duration)
    {
        var type = Tag(MetricNames.EntityTypeTag, entityType);
        var result = Tag(MetricNames.ResultTag, succeeded ? Ok : Failed);
        _polls.Add(1, type, result);
        _pollDuration.Record(duration.TotalSeconds, type, result);
    }

    /// <summary>Records notifications the broker confirmed.</summary>
    /// <param name="entityType">Their entity type.</param>
    /// <param name="count">How many.</param>
    public void RecordPublished(string entityType, int count) => _notificationsPublished.Add(count, Tag(MetricNames.EntityTypeTag, entityType));

    /// <summary>Records one RPC call (for the RPC server's glue).</summary>
    /// <param name="method">The method: one of CONTRACT §4's, or <c>other</c> for an unknown one (never the raw name a client sent).</param>
    /// <param name="result"><c>ok</c>, or the error class returned (<c>UnknownEntityType</c>, <c>InvalidArgument</c>…).</param>
    public void RecordRpcCall(string method, string result) =>
        _rpcCalls.Add(1, Tag(MetricNames.MethodTag, method), Tag(MetricNames.ResultTag, result));

    /// <summary>Records the lag of one refresh of the push path.</summary>
    /// <param name="entityType">The entity type refreshed.</param>
    /// <param name="lag">From the OpenStack notification's timestamp to the recorded refresh.</param>
    public void RecordPushLag(string entityType, TimeSpan lag) =>
        _pushLag.Record(Math.Max(0, lag.TotalSeconds), Tag(MetricNames.EntityTypeTag, entityType));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
