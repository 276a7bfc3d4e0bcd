namespace Synchronizer.FunctionalTests.RealCloud.Lifecycle;

/// <summary>When an operation was done: OpenStack announced it, and the API showed its outcome.</summary>
/// <param name="OpenStackAnnouncedAt">When OpenStack's own notification reached the bus; for a synchronous call, when the API answered.</param>
/// <param name="ShownAt">When the API first showed the outcome to a client that asked from that moment.</param>
internal sealed record Completion(DateTimeOffset OpenStackAnnouncedAt, DateTimeOffset ShownAt);
