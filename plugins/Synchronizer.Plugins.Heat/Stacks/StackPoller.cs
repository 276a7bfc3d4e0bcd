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
/// A <c>DELETE_COMPLETE</c> stack counts as deleted wherever it shows (<see cref="DeletedStack"/>).
/// </summary>
internal sealed class StackPoller : IEntityPoller, IEntityFetcher, INotificationMapper
{
    private const string ServiceType = "orchestration";

    // No stack field changes without meaning something: updated_time moves only when an action
    // (update, check, suspend...) starts, and the status fields change with it anyway.
    private static readonly string[] Volatile = [];

    // Heat writes the status it announced milliseconds after the notification; a few short waits cover
    // it without holding the push path up when the list really shows something else.
    private const int ReReads = 5;
    private static readonly TimeSpan ReReadDelay = TimeSpan.FromMilliseconds(100);

    private readonly ICollectionReader _reader;
    private readonly IOptionsMonitor<HeatOptions> _options;
    private readonly TimeProvider _time;
    private readonly AnnouncedStates _announced = new();

    public StackPoller(ICollectionReader reader, IOptionsMonitor<HeatOptions> options, TimeProvider time)
    {
        _reader = reader;
        _options = options;
        _time = time;
    }

    public EntityTypeDescriptor Descriptor { get; } = new(HeatEntityTypes.Stack, Volatile, HeatDefaults.StackInterval);

    // Heat's control_exchange is "heat"; it publishes on the "notifications" topic (REALSTACK.md).
    public IReadOnlyList<NotificationTarget> Targets { get; } = [new("heat", "notifications")];

    public IReadOnlyList<string> EventTypes { get; } = ["orchestration.stack.*"];

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in _reader.ReadAllAsync(ListRequest(), cancellationToken))
        {
            if (!DeletedStack.Is(item.Json))
            {
                yield return new EntityRecord(item.Id, item.Json);
            }
        }
    }

    public async Task<EntityRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var (record, status) = await ReadListedAsync(id, cancellationToken);
        string? announced = null;
        for (var reRead = 0; reRead < ReReads && _announced.IsAheadOf(id, status, out announced); reRead++)
        {
            await Task.Delay(ReReadDelay, _time, cancellationToken);
            (record, status) = await ReadListedAsync(id, cancellationToken);
        }

        _announced.Forget(id, announced);
        return record;
    }

    public IEnumerable<string> EntityIds(string eventType, JsonElement payload)
    {
        if (EventTypePattern.MatchesAny(EventTypes, eventType)
            && StackIdentity.ParseId(NotificationPayload.GetString(payload, "stack_identity")) is { } id)
        {
            _announced.Remember(id, NotificationPayload.GetString(payload, "state"));
            yield return id;
        }
    }

    // The stack as the list filtered by id shows it (its record, null once deleted) and the status it lists.
    private async Task<(EntityRecord? Record, string? Status)> ReadListedAsync(string id, CancellationToken cancellationToken)
    {
        // GET /stacks/{id} answers with a redirect and a richer "show" body (outputs, parameters);
        // the list filtered by id gives the entity exactly as the list does, and nothing once the
        // stack is deleted. Right after delete.end the list may still hold it as DELETE_COMPLETE
        // (seen on a real Zed cloud): that is a deleted stack too.
        var request = ListRequest();
        request = request with { Query = [.. request.Query, new("id", id)] };
        (EntityRecord? Record, string? Status) found = (null, null);
        await foreach (var item in _reader.ReadAllAsync(request, cancellationToken))
        {
            if (item.Id != id)
            {
                throw new OpenStackException($"orchestration GET /stacks?id={id} listed stack '{item.Id}': the id filter was ignored, so the stack cannot be fetched safely.");
            }

            found = (DeletedStack.Is(item.Json) ? null : new EntityRecord(item.Id, item.Json), DeletedStack.StatusOf(item.Json));
        }

        return found;
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
