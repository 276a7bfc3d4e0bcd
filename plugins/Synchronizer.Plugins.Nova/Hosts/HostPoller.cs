using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Synchronizer.OpenStack;
using Synchronizer.OpenStack.Paging;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Plugins.Nova.Hosts;

/// <summary>
/// Lists every hypervisor (<c>GET /os-hypervisors/detail</c>) and fetches one with
/// <c>GET /os-hypervisors/{id}</c>. Nova sends no notification per hypervisor (its <c>service.*</c>
/// notifications name the compute service, not the hypervisor id), so hosts are refreshed by polling only.
/// </summary>
internal sealed class HostPoller : IEntityPoller, IEntityFetcher
{
    // Resource usage moves with every server booted or deleted, and "uptime" (from 2.88) on every
    // call; nova.instance carries those changes. What stays is the host's identity, state and status.
    private static readonly string[] Volatile =
    [
        "current_workload", "disk_available_least", "free_disk_gb", "free_ram_mb", "local_gb_used", "memory_mb_used",
        "running_vms", "vcpus_used", "uptime",
    ];

    // A hypervisor's show view is the list's detail view (without with_servers, neither lists servers).
    private static readonly HashSet<string> NoShowOnlyFields = [];

    private readonly ICollectionReader _reader;
    private readonly IOpenStackClient _client;
    private readonly IOptionsMonitor<NovaOptions> _options;

    public HostPoller(ICollectionReader reader, IOpenStackClient client, IOptionsMonitor<NovaOptions> options)
    {
        _reader = reader;
        _client = client;
        _options = options;
    }

    public EntityTypeDescriptor Descriptor { get; } = new(NovaEntityTypes.Host, Volatile, NovaDefaults.HostInterval);

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;

        // Nova pages hypervisors from 2.33 (integer markers) and 2.53 (UUIDs), always through
        // hypervisors_links; before 2.33 it ignores limit and returns them all with no link.
        var request = new CollectionRequest(ComputeApi.ServiceType, "/os-hypervisors/detail", "hypervisors", options.PageSize)
        {
            LinksKey = "hypervisors_links",
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
        return ComputeApi.ShowAsync(_client, "/os-hypervisors/" + Uri.EscapeDataString(id), "hypervisor", NoShowOnlyFields, _options.CurrentValue, cancellationToken);
    }
}
