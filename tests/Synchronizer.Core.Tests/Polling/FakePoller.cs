using System.Runtime.CompilerServices;
using System.Text;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Core.Tests.Polling;

/// <summary>A poller over a list the test controls; it can fail part-way, like a second page answering 500.</summary>
internal sealed class FakePoller : IEntityPoller
{
    public EntityTypeDescriptor Descriptor { get; } = new("nova.instance", ["updated"], TimeSpan.FromSeconds(60));

    public List<(string Id, string Json)> Entities { get; } = [];

    public int? FailAfter { get; set; }

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        for (var i = 0; i < Entities.Count; i++)
        {
            if (i == FailAfter)
            {
                throw new HttpRequestException("page 2 answered 500");
            }

            yield return new EntityRecord(Entities[i].Id, Encoding.UTF8.GetBytes(Entities[i].Json));
        }
    }
}
