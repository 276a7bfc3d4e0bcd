using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;
using Synchronizer.Messaging.Listening;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Abstractions.Notifications;
using Synchronizer.Service.Metrics;
using Synchronizer.Service.PushPath;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.Tests.PushPath;

/// <summary>The push path's handler over a real engine: notification → fetch by id → refresh → publish.</summary>
public sealed class PushPathHandlerTests : IAsyncLifetime, IDisposable
{
    private static readonly NotificationSource Nova = new("nova", "nova", "versioned_notifications");
    private readonly FakeServerPoller _poller = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private SynchronizationEngine _engine = null!;
    private PushPathHandler _handler = null!;

    public async Task InitializeAsync()
    {
        _engine = new SynchronizationEngine([_poller], new InMemoryChangeStore(), _publisher, TimeProvider.System, NullLoggerFactory.Instance);
        var types = new EnabledTypes(_engine, new ConfigurationBuilder().Build());
        var metrics = new SynchronizerMetrics(_meters.GetRequiredService<IMeterFactory>());
        _handler = new PushPathHandler(types, _engine, [_poller], metrics, TimeProvider.System, NullLogger<PushPathHandler>.Instance);
        _poller.Set("a", "one");
        _poller.Set("b", "two");
        Assert.True(_engine.TryGet(FakeServerPoller.TypeName, out var type));
        await type.PollAsync(ChangeSource.Poll, CancellationToken.None);
        _publisher.Clear();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _engine.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public void EntityTypes_FetcherAndMapperPoller_IsServed() =>
        Assert.Equal([FakeServerPoller.TypeName], _handler.EntityTypes);

    [Fact]
    public async Task HandleAsync_UpdateNotification_RefreshesAndPublishesWithSourceNotification()
    {
        _poller.Set("a", "renamed");

        await _handler.HandleAsync(Notification("instance.update", "a"), CancellationToken.None);

        var change = Assert.Single(_publisher.Published);
        Assert.Equal(("a", ChangeAction.Update, ChangeSource.Notification, 3L), (change.Id, change.Action, change.Source, change.Revision));
        Assert.Contains("renamed", Encoding.UTF8.GetString(change.Entity.Span), StringComparison.Ordinal);
        Assert.Equal(["a"], _poller.Fetched);
    }

    [Fact]
    public async Task HandleAsync_FetchReturnsNull_PublishesDelete()
    {
        _poller.Remove("b");

        await _handler.HandleAsync(Notification("instance.delete.end", "b"), CancellationToken.None);

        var change = Assert.Single(_publisher.Published);
        Assert.Equal(("b", ChangeAction.Delete, ChangeSource.Notification), (change.Id, change.Action, change.Source));
    }

    [Fact]
    public async Task HandleAsync_UnknownEventTypeOrOtherService_DoesNothing()
    {
        _poller.Set("a", "renamed");

        await _handler.HandleAsync(Notification("flavor.update", "a"), CancellationToken.None);
        await _handler.HandleAsync(Notification("instance.update", "a") with { Source = new NotificationSource("cinder", "openstack", "notifications") }, CancellationToken.None);

        Assert.Empty(_publisher.Published);
        Assert.Empty(_poller.Fetched);
    }

    [Fact]
    public async Task HandleAsync_UnchangedEntity_PublishesNothing()
    {
        await _handler.HandleAsync(Notification("instance.update", "a"), CancellationToken.None);

        Assert.Empty(_publisher.Published);
        Assert.Equal(["a"], _poller.Fetched);
    }

    [Fact]
    public async Task HandleAsync_FetchFails_ThrowsAfterTryingEveryId()
    {
        _poller.Failing = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _handler.HandleAsync(Notification("instance.update", "a"), CancellationToken.None));
        Assert.Empty(_publisher.Published);
    }

    private static OpenStackNotification Notification(string eventType, string id)
    {
        var payload = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["nova_object.data"] = new { uuid = id } });
        return new OpenStackNotification(Nova, eventType, "nova-compute:host1", payload, DateTimeOffset.UtcNow);
    }

    private sealed class FakeServerPoller : IEntityPoller, IEntityFetcher, INotificationMapper
    {
        public const string TypeName = "nova.instance";

        private readonly ConcurrentDictionary<string, string> _entities = new(StringComparer.Ordinal);

        public EntityTypeDescriptor Descriptor { get; } = new(TypeName, [], TimeSpan.FromMinutes(1));

        public IReadOnlyList<NotificationTarget> Targets { get; } = [new("nova", "versioned_notifications")];

        public IReadOnlyList<string> EventTypes { get; } = ["instance.*"];

        public ConcurrentQueue<string> Fetched { get; } = new();

        public bool Failing { get; set; }

        public void Set(string id, string name) => _entities[id] = name;

        public void Remove(string id) => _entities.TryRemove(id, out _);

        public async IAsyncEnumerable<EntityRecord> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var (id, name) in _entities.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                yield return Record(id, name);
            }
        }

        public Task<EntityRecord?> GetAsync(string id, CancellationToken cancellationToken)
        {
            Fetched.Enqueue(id);
            if (Failing)
            {
                throw new HttpRequestException("simulated 503");
            }

            return Task.FromResult(_entities.TryGetValue(id, out var name) ? Record(id, name) : null);
        }

        public IEnumerable<string> EntityIds(string eventType, JsonElement payload) =>
            NotificationPayload.GetString(payload, "nova_object.data", "uuid") is { } id ? [id] : [];

        private static EntityRecord Record(string id, string name) => new(id, JsonSerializer.SerializeToUtf8Bytes(new { id, name }));
    }

    private sealed class RecordingPublisher : IChangePublisher
    {
        private readonly List<EntityChange> _published = [];

        public IReadOnlyList<EntityChange> Published
        {
            get
            {
                lock (_published)
                {
                    return [.. _published];
                }
            }
        }

        public void Clear()
        {
            lock (_published)
            {
                _published.Clear();
            }
        }

        public Task PublishAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken)
        {
            lock (_published)
            {
                _published.AddRange(changes);
            }

            return Task.CompletedTask;
        }
    }
}
