using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Abstractions.Notifications;

namespace Synchronizer.Plugins.Nova.Zones;

/// <summary>
/// Lists the availability zones with their hosts and services (<c>GET /os-availability-zone/detail</c>,
/// one unpaged call); the id of a zone is its name. Fetching one zone reads the same list, as nova has
/// no call for a single zone. Zones change through host aggregates, so <c>aggregate.*</c> notifications
/// name the zone of the aggregate's <c>availability_zone</c> metadata.
/// </summary>
internal sealed class ZonePoller : IEntityPoller, IEntityFetcher, INotificationMapper
{
    private const string Path = "/os-availability-zone/detail";

    private readonly IOpenStackClient _client;
    private readonly IOptionsMonitor<NovaOptions> _options;

    public ZonePoller(IOpenStackClient client, IOptionsMonitor<NovaOptions> options)
    {
        _client = client;
        _options = options;
    }

    // Nothing at the top level is volatile; the services' heartbeat times inside "hosts" are, and
    // ZoneView leaves them out.
    public EntityTypeDescriptor Descriptor { get; } = new(NovaEntityTypes.Zone, [], NovaDefaults.ZoneInterval);

    public IReadOnlyList<NotificationTarget> Targets { get; } = [new("nova", "versioned_notifications")];

    // The .start event carries the aggregate as it was and .end as it is, so a zone an aggregate
    // leaves is refreshed (and found gone) as well as the zone it joins.
    public IReadOnlyList<string> EventTypes { get; } = ["aggregate.*"];

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var zone in await ReadAllAsync(cancellationToken))
        {
            yield return zone;
        }
    }

    public async Task<EntityRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return (await ReadAllAsync(cancellationToken)).FirstOrDefault(z => z.Id == id);
    }

    public IEnumerable<string> EntityIds(string eventType, JsonElement payload)
    {
        if (EventTypePattern.MatchesAny(EventTypes, eventType)
            && NotificationPayload.GetString(payload, "nova_object.data", "metadata", "availability_zone") is { } zone)
        {
            yield return zone;
        }
    }

    private async Task<IReadOnlyList<EntityRecord>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var body = await _client.GetAsync(new OpenStackRequest(ComputeApi.ServiceType, Path, ComputeApi.Version(_options.CurrentValue)), cancellationToken);
        try
        {
            return ZoneView.ReadAll(body);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new OpenStackException($"compute GET {Path} answered a body that cannot be read: {ex.Message}", ex);
        }
    }
}
