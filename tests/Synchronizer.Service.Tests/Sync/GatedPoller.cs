using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Service.Tests.Sync;

/// <summary>
/// A slow poller the test drives: every listing announces itself on <see cref="NextListingAsync"/>
/// and then waits until the test completes or fails its <see cref="Listing"/>. It counts listings
/// and the most that ran at once, so a test can prove two polls never overlapped. No sleeps.
/// </summary>
internal sealed class GatedPoller : IEntityPoller
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<Listing> _started = Channel.CreateUnbounded<Listing>();
    private int _calls;
    private int _active;
    private int _maxActive;

    public GatedPoller(string entityType = "nova.instance")
    {
        Descriptor = new(entityType, [], TimeSpan.FromSeconds(60));
    }

    public EntityTypeDescriptor Descriptor { get; }

    /// <summary>Gets the entities every listing returns; set them before completing a listing.</summary>
    public List<(string Id, string Json)> Entities { get; } = [];

    public int Calls => Volatile.Read(ref _calls);

    public int MaxActive => Volatile.Read(ref _maxActive);

    /// <summary>Waits until a listing has started (or had started earlier and was not taken yet).</summary>
    public Task<Listing> NextListingAsync() => _started.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public bool HasUntakenListing => _started.Reader.TryPeek(out _);

    public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var active = Interlocked.Increment(ref _active);
        InterlockedMax(ref _maxActive, active);
        try
        {
            var listing = new Listing(cancellationToken);
            _started.Writer.TryWrite(listing);
            var failure = await listing.Released.Task.WaitAsync(cancellationToken);
            if (failure is not null)
            {
                throw new HttpRequestException(failure);
            }

            foreach (var (id, json) in Entities.ToArray())
            {
                yield return new EntityRecord(id, Encoding.UTF8.GetBytes(json));
            }
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    /// <summary>One running listing, held until the test lets it go.</summary>
    internal sealed class Listing(CancellationToken token)
    {
        public CancellationToken Token { get; } = token;

        public TaskCompletionSource<string?> Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete() => Released.TrySetResult(null);

        public void Fail(string message) => Released.TrySetResult(message);
    }
}
