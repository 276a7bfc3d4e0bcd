namespace Synchronizer.Benchmarks.PushPath;

/// <summary>When a notification arrived at a subscriber, and the <c>timestamp</c> its sender wrote in it (both UTC).</summary>
internal sealed record OsloArrival(DateTime ArrivedAt, DateTime Timestamp);
