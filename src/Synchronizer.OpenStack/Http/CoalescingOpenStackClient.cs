namespace Synchronizer.OpenStack;

/// <summary>
/// Lets concurrent identical GETs share one request, without ever answering a caller with a read
/// that began before it called: a caller that finds the same GET in flight waits for the next one,
/// which starts when the current one ends and serves everyone who queued meanwhile.
/// </summary>
/// <remarks>
/// Seen on a real cloud: one server boot makes Nova publish about ten notifications (seven
/// <c>instance.update</c>, <c>instance.create.start/end</c>...) within a second, and the push path
/// re-reads the server for each. Sent side by side, those reads occupy every nova-api worker (each GET of
/// a server also asks Neutron for its security groups), and the read that matters, after
/// <c>instance.create.end</c>, waits behind the others. Coalesced, one read of a resource runs at a time
/// and the next starts after the last caller that queued for it: a burst costs two reads, and each
/// caller still gets a read that began after it asked.
/// </remarks>
internal sealed class CoalescingOpenStackClient : IOpenStackClient
{
    private readonly IOpenStackClient _inner;

    // A request is in this map while a read of it runs; its value is whom the next read will serve.
    private readonly Dictionary<OpenStackRequest, TaskCompletionSource<byte[]>?> _inFlight = [];

    public CoalescingOpenStackClient(IOpenStackClient inner) => _inner = inner;

    public Task<byte[]> GetAsync(OpenStackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TaskCompletionSource<byte[]> read;
        var first = false;
        lock (_inFlight)
        {
            if (_inFlight.TryGetValue(request, out var next))
            {
                read = next ?? new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                _inFlight[request] = read;
            }
            else
            {
                read = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                _inFlight[request] = null;
                first = true;
            }
        }

        if (first)
        {
            _ = ReadInTurnAsync(request, read);
        }

        // The shared read is not cancelled with one caller: others wait for it, and the client's own
        // time-outs bound it.
        return read.Task.WaitAsync(cancellationToken);
    }

    private async Task ReadInTurnAsync(OpenStackRequest request, TaskCompletionSource<byte[]> read)
    {
        while (true)
        {
            try
            {
                read.SetResult(await _inner.GetAsync(request, CancellationToken.None).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                read.SetException(ex);
            }

            lock (_inFlight)
            {
                if (_inFlight[request] is not { } next)
                {
                    _inFlight.Remove(request);
                    return;
                }

                _inFlight[request] = null;
                read = next;
            }
        }
    }
}
