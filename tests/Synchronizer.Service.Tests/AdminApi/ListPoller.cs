using System.Runtime.CompilerServices;
using System.Text;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Service.Tests.AdminApi;

/// <summary>A poller that lists its entities at once, or fails with <see cref="Failure"/> when set.</summary>
internal sealed class ListPoller : IEntityPoller
{
    public ListPoller(string entityType)
    {
        Descriptor = new(entityType, [], TimeSpan.FromSeconds(60));
    }

    public EntityTypeDescriptor Descriptor { get; }

    public List<(string Id, string Json)> Entities { get; } = [];

    public string? Failure { get; set; }

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (Failure is not null)
        {
            throw new HttpRequestException(Failure);
        }

        foreach (var (id, json) in Entities.ToArray())
        {
            yield return new EntityRecord(id, Encoding.UTF8.GetBytes(json));
        }
    }
}
