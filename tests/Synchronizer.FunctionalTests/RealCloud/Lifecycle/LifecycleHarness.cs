using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Plugins.Abstractions;
using Xunit.Abstractions;

namespace Synchronizer.FunctionalTests.RealCloud.Lifecycle;

/// <summary>
/// One entity type's life cycle through the real cloud: the synchronizer (polling only, or push path on),
/// a recorder on our topic, and one on the service's own notification exchange for the push path's clock.
/// </summary>
internal sealed class LifecycleHarness : IAsyncDisposable
{
    // Polling: a change shows at the next poll; push path: the announcement is timed separately.
    private const int PollIntervalSeconds = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PushLimit = TimeSpan.FromSeconds(1);

    private readonly RealCloudFixture _fixture;
    private readonly string _entityType;
    private readonly bool _push;
    private readonly ITestOutputHelper _output;
    private readonly TopicRecorder _ours;
    private readonly TopicRecorder _openStack;
    private readonly OpenStackEvents _events;
    private readonly RealSynchronizer _synchronizer;
    private readonly EntityHashes _hashes;
    private readonly List<(string Step, TimeSpan Latency)> _latencies = [];

    private LifecycleHarness(
        RealCloudFixture fixture, string entityType, bool push, ITestOutputHelper output, TopicRecorder ours, TopicRecorder openStack, OpenStackEvents events, RealSynchronizer synchronizer)
    {
        _fixture = fixture;
        _entityType = entityType;
        _push = push;
        _output = output;
        _ours = ours;
        _openStack = openStack;
        _events = events;
        _synchronizer = synchronizer;
        _hashes = new EntityHashes(synchronizer.Services.GetServices<IEntityPoller>());
    }

    /// <summary>Starts the synchronizer with only <paramref name="entityType"/> enabled and waits for its start-up poll.</summary>
    public static async Task<LifecycleHarness> StartAsync(RealCloudFixture fixture, string entityType, bool push, ITestOutputHelper output)
    {
        var cloud = fixture.Cloud;
        var events = OpenStackEvents.For(entityType);
        var exchange = TestBroker.UniqueExchange();
        var openStack = await TopicRecorder.StartAsync(cloud.NotificationsTransportUrl, events.Exchange, events.RoutingKey);
        var ours = await TopicRecorder.StartAsync(TestBroker.TransportUrl, exchange, $"synchronizer.{entityType}.info");
        var settings = new Dictionary<string, string?>
        {
            ["openstack_notifications:enabled"] = push ? "true" : "false",

            // With the push path on, only the start-up poll runs: whatever comes later came by notification.
            [$"{entityType}:interval"] = push ? "3600" : $"{PollIntervalSeconds}",
        };
        foreach (var other in RealCloudTypes.All.Where(t => t != entityType))
        {
            settings[$"{other}:enabled"] = "false";
        }

        var synchronizer = await RealSynchronizer.StartAsync(cloud, exchange, settings);
        var harness = new LifecycleHarness(fixture, entityType, push, output, ours, openStack, events, synchronizer);
        await synchronizer.WaitForFirstPollsAsync();
        return harness;
    }

    /// <summary>
    /// Waits for our notification of <paramref name="id"/> with <paramref name="eventType"/> (null: a
    /// create or an update) whose entity satisfies <paramref name="state"/>, and checks where it came from.
    /// </summary>
    public async Task<TimedMessage> AnnouncedAsync(string id, string? eventType, Func<JsonElement, bool> state, string step)
    {
        bool Matches(TimedMessage m) => eventType is null ? !m.EventType.EndsWith(".delete", StringComparison.Ordinal) : m.EventType == eventType;
        var message = await _ours.FirstAsync(m => m.Id == id && Matches(m) && state(m.Entity), Patience, $"{eventType ?? "create or update"} of {id} ({step})");
        Assert.Equal(_push ? "notification" : "poll", message.Payload.GetProperty("source").GetString());
        Assert.Equal(EntityHashes.Of(message.Entity), message.Payload.GetProperty("hash").GetString());
        return message;
    }

    /// <summary>Gets our notifications of one entity, in arrival order.</summary>
    public IReadOnlyList<TimedMessage> AnnouncementsOf(string id) => [.. _ours.Received.Where(m => m.Id == id)];

    /// <summary>When OpenStack's own <paramref name="eventType"/> about <paramref name="id"/> reached the bus (our recorder on it).</summary>
    public async Task<DateTimeOffset> OpenStackAnnouncedAsync(string id, string eventType)
    {
        var message = await _openStack.FirstAsync(m => m.EventType == eventType && _events.EntityId(m.Payload) == id, Patience, $"OpenStack's {eventType} of {id}");
        return message.ArrivedAt;
    }

    /// <summary>
    /// When an operation that ends asynchronously was done: OpenStack's own <paramref name="eventType"/>
    /// about <paramref name="id"/>, and the moment the API showed the outcome to a client that asked as
    /// soon as that event came. Start it right after the call, so it asks on time.
    /// </summary>
    public async Task<Completion> CompletedAsync(string id, string eventType, Func<Task<JsonElement?>> read, Func<JsonElement?, bool> done)
    {
        var announcedAt = await OpenStackAnnouncedAsync(id, eventType);
        await Eventually.UntilAsync(read, done, Patience, $"the API to show the outcome of {eventType} of {id}");
        return new Completion(announcedAt, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// When a call that is done as the API answers it (a rename) was done: the answer, and the moment
    /// the API showed the outcome to a client that asked from then on. Start it right after the call.
    /// </summary>
    public static async Task<Completion> AnsweredAsync(Func<Task<JsonElement?>> read, Func<JsonElement?, bool> done, string what)
    {
        var answeredAt = DateTimeOffset.UtcNow;
        await Eventually.UntilAsync(read, done, Patience, $"the API to show {what}");
        return new Completion(answeredAt, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// With the push path on: records how long after the API showed the outcome our announcement came,
    /// and after OpenStack's own event; <see cref="AssertPrompt"/> checks them all, so that one slow step
    /// does not hide the others' figures.
    /// </summary>
    /// <remarks>
    /// The limit applies from the API showing the outcome: the push path re-reads the entity from the
    /// same API, so a slow API delays both equally, and what is measured is what the push path adds.
    /// </remarks>
    public void RecordLatency(TimedMessage announced, Completion completed, string step)
    {
        if (!_push)
        {
            return;
        }

        var latency = announced.ArrivedAt - completed.ShownAt;
        var afterEvent = announced.ArrivedAt - completed.OpenStackAnnouncedAt;
        _latencies.Add((step, latency));
        RealCloudReport.Write(_output, $"push latency {_entityType} {step}: {latency.TotalMilliseconds:F0} ms after the API showed it ({afterEvent.TotalMilliseconds:F0} ms after OpenStack's event or answer)");
    }

    /// <summary>Every step recorded was announced less than a second after OpenStack completed it.</summary>
    public void AssertPrompt()
    {
        var late = _latencies.Where(l => l.Latency >= PushLimit).Select(l => $"{l.Step} {l.Latency.TotalMilliseconds:F0} ms").ToList();
        Assert.True(late.Count == 0, $"{_entityType}: announced {PushLimit.TotalMilliseconds} ms or more after the API showed it: {string.Join(", ", late)}");
    }

    /// <summary>The announced entity is the full entity the API lists now, hash for hash.</summary>
    public async Task AssertListedAsAnnouncedAsync(string id, TimedMessage announced)
    {
        var listed = await _fixture.Admin.ListAsync(_entityType);
        Assert.True(listed.TryGetValue(id, out var entity), $"{_entityType} {id} is not listed by the API");
        Assert.Equal(_hashes.OfListed(_entityType, entity), announced.Payload.GetProperty("hash").GetString());
    }

    /// <summary>A delete carries the entity's last known state: the one announced before it.</summary>
    public void AssertDeleteCarriesLastState(string id, TimedMessage deleted)
    {
        var before = AnnouncementsOf(id).TakeWhile(m => !ReferenceEquals(m, deleted)).LastOrDefault();
        Assert.NotNull(before);
        Assert.Equal(before.Payload.GetProperty("hash").GetString(), deleted.Payload.GetProperty("hash").GetString());
        Assert.Equal(id, deleted.Entity.GetProperty("id").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        await _synchronizer.DisposeAsync();
        await _ours.DisposeAsync();
        await _openStack.DisposeAsync();
    }
}
