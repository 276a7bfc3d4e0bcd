using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack;
using Synchronizer.OpenStack.Paging;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Abstractions.Notifications;

namespace Synchronizer.Plugins.Heat.Stacks;

/// <summary>
/// Lists every stack of every project (<c>GET /stacks?global_tenant=true</c>), fetches one through
/// the same list filtered by <c>id</c>, and reads stack ids out of <c>orchestration.stack.*</c> notifications.
/// </summary>
internal sealed class StackPoller : IEntityPoller, IEntityFetcher, INotificationMapper
{
    private const string ServiceType = "orchestration";

    // No stack field changes without meaning something: updated_time moves only when an action
    // (update, check, suspend...) starts, and the status fields change with it anyway.
    private static readonly string[] Volatile = [];

    private readonly ICollectionReader _reader;
    private readonly IOptionsMonitor<HeatOptions> _options;

    public StackPoller(ICollectionReader reader, IOptionsMonitor<HeatOptions> options)
    {
        _reader = reader;
        _options = options;
    }

    public EntityTypeDescriptor Descriptor { get; } = new(HeatEntityTypes.Stack, Volatile, HeatDefaults.StackInterval);

    // Heat's control_exchange is "heat"; it publishes on the "notifications" topic (REALSTACK.md).
    public IReadOnlyList<NotificationTarget> Targets { get; } = [new("heat", "notifications")];

    public IReadOnlyList<string> EventTypes { get; } = ["orchestration.stack.*"];

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in _reader.ReadAllAsync(ListRequest(), cancellationToken))
        {
            yield return new EntityRecord(item.Id, item.Json);
        }
    }

    public async Task<EntityRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);

        // GET /stacks/{id} answers with a redirect and a richer "show" body (outputs, parameters);
        // the list filtered by id gives the entity exactly as the list does, and nothing once the
        // stack is deleted (the list leaves DELETE_COMPLETE stacks out).
        var request = ListRequest();
        request = request with { Query = [.. request.Query, new("id", id)] };
        EntityRecord? found = null;
        await foreach (var item in _reader.ReadAllAsync(request, cancellationToken))
        {
            if (item.Id != id)
            {
                throw new OpenStackException($"orchestration GET /stacks?id={id} listed stack '{item.Id}': the id filter was ignored, so the stack cannot be fetched safely.");
            }

            found = new EntityRecord(item.Id, item.Json);
        }

        return found;
    }

    public IEnumerable<string> EntityIds(string eventType, JsonElement payload)
    {
        if (EventTypePattern.MatchesAny(EventTypes, eventType)
            && StackIdentity.ParseId(NotificationPayload.GetString(payload, "stack_identity")) is { } id)
        {
            yield return id;
        }
    }

    private CollectionRequest ListRequest()
    {
        var options = _options.CurrentValue;

        // Heat writes a "links" next link exactly when a page is full (heat/api/openstack/v1/views/
        // views_common.py, get_collection_links), which is the marker rule CollectionReader applies
        // without LinksKey; the rule also covers heat releases and proxies that leave "links" out.
        return new CollectionRequest(ServiceType, "/stacks", "stacks", options.PageSize)
        {
            Query = options.ShowNested
                ? [new("global_tenant", "true"), new("show_nested", "true")]
                : [new("global_tenant", "true")],
        };
    }
}
