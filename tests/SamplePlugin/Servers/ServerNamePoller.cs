using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack;
using Synchronizer.OpenStack.Paging;
using Synchronizer.Plugins.Abstractions;

namespace SamplePlugin.Servers;

/// <summary>Lists the id and name of every server: <c>GET /servers?all_tenants=1</c>.</summary>
internal sealed class ServerNamePoller : IEntityPoller
{
    private readonly ICollectionReader _reader;
    private readonly IOptionsMonitor<SampleOptions> _options;

    public ServerNamePoller(ICollectionReader reader, IOptionsMonitor<SampleOptions> options)
    {
        _reader = reader;
        _options = options;
    }

    public EntityTypeDescriptor Descriptor { get; } = new(SampleEntityTypes.Server, [], TimeSpan.FromSeconds(60));

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new CollectionRequest("compute", "/servers", "servers", _options.CurrentValue.PageSize)
        {
            Query = [new("all_tenants", "1")],
            LinksKey = "servers_links",
            Version = new ApiVersion("compute", "2.1"),
        };
        await foreach (var item in _reader.ReadAllAsync(request, cancellationToken))
        {
            yield return new EntityRecord(item.Id, item.Json);
        }
    }
}
