using System.Runtime.CompilerServices;
using System.Text;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Core.Tests.Polling;

/// <summary>
/// A poller over a list the test controls; it can fail part-way, like a second page answering 500,
/// or stop part-way until the test lets it go on, to interleave a refresh with a running listing.
/// </summary>
internal sealed class FakePoller : IEntityPoller
{
    public FakePoller(string entityType = "nova.instance")
    {
        Descriptor = new(entityType, ["updated"], TimeSpan.FromSeconds(60));
    }

    public EntityTypeDescriptor Descriptor { get; }

    public List<(string Id, string Json)> Entities { get; } = [];

    public int? FailAfter { get; set; }

    /// <summary>Gets or sets the index before which the listing waits for <see cref="Resume"/>, after signalling <see cref="Paused"/>.</summary>
    public int? PauseAt { get; set; }

    public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();

        // The page is read up front, as an API returns it: changes the test makes while paused are not seen.
        var page = Entities.ToArray();
        for (var i = 0; i <= page.Length; i++)
        {
            if (i == PauseAt)
            {
                Paused.TrySetResult();
                await Resume.Task.WaitAsync(cancellationToken);
            }

            if (i == page.Length)
            {
                yield break;
            }

            if (i == FailAfter)
            {
                throw new HttpRequestException("page 2 answered 500");
            }

            yield return new EntityRecord(page[i].Id, Encoding.UTF8.GetBytes(page[i].Json));
        }
    }
}
