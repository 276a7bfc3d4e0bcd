using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack;
using Synchronizer.OpenStack.Paging;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Abstractions.Notifications;

namespace Synchronizer.Plugins.Cinder.Volumes;

/// <summary>
/// Lists every volume of every project (<c>GET /volumes/detail?all_tenants=1</c>), fetches one with
/// <c>GET /volumes/{id}</c>, and reads <c>volume_id</c> out of <c>volume.*</c> notifications.
/// </summary>
internal sealed class VolumePoller : IEntityPoller, IEntityFetcher, INotificationMapper
{
    // "updated_at" moves on every save of the row, including internal ones (admin metadata, attach
    // bookkeeping); a change a consumer acts on always changes another field as well.
    // "service_uuid" and "shared_targets" are cinder-volume's bookkeeping, saved by its manager after
    // the create flow has sent volume.create.end and with no notification of its own (seen on a real
    // Zed cloud): kept, they would turn every create into a create now and an update one poll later.
    private static readonly string[] Volatile = ["updated_at", "service_uuid", "shared_targets"];

    private readonly ICollectionReader _reader;
    private readonly IOpenStackClient _client;
    private readonly BlockStorageEndpoint _endpoint;
    private readonly IOptionsMonitor<CinderOptions> _options;

    public VolumePoller(ICollectionReader reader, IOpenStackClient client, BlockStorageEndpoint endpoint, IOptionsMonitor<CinderOptions> options)
    {
        _reader = reader;
        _client = client;
        _endpoint = endpoint;
        _options = options;
    }

    public EntityTypeDescriptor Descriptor { get; } = new(CinderEntityTypes.Volume, Volatile, CinderDefaults.VolumeInterval);

    // Cinder's control_exchange is oslo's default "openstack" (REALSTACK.md); deployments that set it
    // to "cinder" publish there instead (CONTRACT §8 listens on both).
    public IReadOnlyList<NotificationTarget> Targets { get; } = [new("openstack", "notifications"), new("cinder", "notifications")];

    public IReadOnlyList<string> EventTypes { get; } = ["volume.*"];

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The service type is settled by the first page; later pages go where it went.
        var (pages, any) = await _endpoint.RunAsync(async serviceType =>
        {
            var enumerator = _reader.ReadAllAsync(ListRequest(serviceType), cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                return (enumerator, await enumerator.MoveNextAsync());
            }
            catch
            {
                await enumerator.DisposeAsync();
                throw;
            }
        });

        await using (pages)
        {
            for (var more = any; more; more = await pages.MoveNextAsync())
            {
                yield return new EntityRecord(pages.Current.Id, pages.Current.Json);
            }
        }
    }

    public async Task<EntityRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var path = "/volumes/" + Uri.EscapeDataString(id);
        try
        {
            var body = await _endpoint.RunAsync(serviceType => _client.GetAsync(new OpenStackRequest(serviceType, path, Version()), cancellationToken));
            return ShowBody.Parse(body, "volume", path);
        }
        catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public IEnumerable<string> EntityIds(string eventType, JsonElement payload)
    {
        if (EventTypePattern.MatchesAny(EventTypes, eventType) && NotificationPayload.GetString(payload, "volume_id") is { } id)
        {
            yield return id;
        }
    }

    private CollectionRequest ListRequest(string serviceType) =>
        new(serviceType, "/volumes/detail", "volumes", _options.CurrentValue.PageSize)
        {
            Query = [new("all_tenants", "1")],
            LinksKey = "volumes_links",
            Version = Version(),
        };

    // Cinder rejects an OpenStack-API-Version header without a "volume" entry (REALSTACK.md), so
    // every call, the show included, names the service. The configured version is a maximum the
    // client negotiates down to what the cloud offers (CONTRACT §7).
    private ApiVersion Version() => ApiVersion.UpTo("volume", _options.CurrentValue.Microversion);
}
