using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack;
using Synchronizer.OpenStack.Paging;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Abstractions.Notifications;

namespace Synchronizer.Plugins.Nova.Instances;

/// <summary>
/// Lists every server of every project (<c>GET /servers/detail?all_tenants=1</c>), fetches one with
/// <c>GET /servers/{id}</c>, and reads server uuids out of <c>instance.*</c> notifications.
/// </summary>
internal sealed class InstancePoller : IEntityPoller, IEntityFetcher, INotificationMapper
{
    // "updated" moves on every internal save (info cache heals, periodic tasks) and "progress" during
    // builds and migrations; neither means a change a consumer acts on.
    private static readonly string[] Volatile = ["updated", "progress"];

    // From 2.71 the show call, and only it, adds "server_groups"; the entity is the list's form.
    private static readonly HashSet<string> ShowOnly = new(["server_groups"], StringComparer.Ordinal);

    private readonly ICollectionReader _reader;
    private readonly IOpenStackClient _client;
    private readonly IOptionsMonitor<NovaOptions> _options;

    public InstancePoller(ICollectionReader reader, IOpenStackClient client, IOptionsMonitor<NovaOptions> options)
    {
        _reader = reader;
        _client = client;
        _options = options;
    }

    public EntityTypeDescriptor Descriptor { get; } = new(NovaEntityTypes.Instance, Volatile, NovaDefaults.InstanceInterval);

    // Versioned notifications go to nova's control_exchange on their own topic (REALSTACK.md).
    public IReadOnlyList<NotificationTarget> Targets { get; } = [new("nova", "versioned_notifications")];

    // "compute.instance.*" are the legacy (unversioned) notifications, read too for deployments that
    // point [openstack_notifications] nova at the "notifications" topic.
    public IReadOnlyList<string> EventTypes { get; } = ["instance.*", "compute.instance.*"];

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var request = new CollectionRequest(ComputeApi.ServiceType, "/servers/detail", "servers", options.PageSize)
        {
            Query = [new("all_tenants", "1")],
            LinksKey = "servers_links",
            Version = ComputeApi.Version(options),
        };
        await foreach (var item in _reader.ReadAllAsync(request, cancellationToken))
        {
            yield return new EntityRecord(item.Id, item.Json);
        }
    }

    public Task<EntityRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);

        // The show view of a server is the list's detail view (nova/api/openstack/compute/views/servers.py)
        // plus what ShowOnly names.
        return ComputeApi.ShowAsync(_client, "/servers/" + Uri.EscapeDataString(id), "server", ShowOnly, _options.CurrentValue, cancellationToken);
    }

    public IEnumerable<string> EntityIds(string eventType, JsonElement payload)
    {
        if (!EventTypePattern.MatchesAny(EventTypes, eventType))
        {
            yield break;
        }

        var id = eventType.StartsWith("compute.", StringComparison.Ordinal)
            ? NotificationPayload.GetString(payload, "instance_id")
            : NotificationPayload.GetString(payload, "nova_object.data", "uuid");
        if (id is not null)
        {
            yield return id;
        }
    }
}
