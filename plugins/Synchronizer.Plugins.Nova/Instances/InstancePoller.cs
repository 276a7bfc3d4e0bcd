using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack;
using Synchronizer.OpenStack.Paging;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Plugins.Nova.Instances;

/// <summary>Lists every server of every project: <c>GET /servers/detail?all_tenants=1</c>.</summary>
internal sealed class InstancePoller : IEntityPoller
{
    // "updated" moves on every internal save (info cache heals, periodic tasks) and "progress" during
    // builds and migrations; neither means a change a consumer acts on.
    private static readonly string[] Volatile = ["updated", "progress"];

    private readonly ICollectionReader _reader;
    private readonly IOptionsMonitor<NovaOptions> _options;

    public InstancePoller(ICollectionReader reader, IOptionsMonitor<NovaOptions> options)
    {
        _reader = reader;
        _options = options;
    }

    public EntityTypeDescriptor Descriptor { get; } = new(NovaEntityTypes.Instance, Volatile, NovaDefaults.InstanceInterval);

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var request = new CollectionRequest("compute", "/servers/detail", "servers", options.PageSize)
        {
            Query = [new("all_tenants", "1")],
            LinksKey = "servers_links",
            Version = new ApiVersion("compute", options.Microversion),
        };
        await foreach (var item in _reader.ReadAllAsync(request, cancellationToken))
        {
            yield return new EntityRecord(item.Id, item.Json);
        }
    }
}
