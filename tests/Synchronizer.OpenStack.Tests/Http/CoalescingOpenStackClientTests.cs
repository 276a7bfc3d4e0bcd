using System.Text;
using NSubstitute;

namespace Synchronizer.OpenStack.Tests.Http;

public sealed class CoalescingOpenStackClientTests : IDisposable
{
    private static readonly OpenStackRequest Server = new("compute", "/servers/abc", new ApiVersion("compute", "2.79"));
    private readonly IOpenStackClient _inner = Substitute.For<IOpenStackClient>();
    private readonly List<TaskCompletionSource<byte[]>> _reads = [];
    private readonly SemaphoreSlim _started = new(0);

    public CoalescingOpenStackClientTests() =>
        _inner.GetAsync(Arg.Any<OpenStackRequest>(), Arg.Any<CancellationToken>()).Returns(_ =>
        {
            var read = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_reads)
            {
                _reads.Add(read);
            }

            _started.Release();
            return read.Task;
        });

    [Fact]
    public async Task GetAsync_NothingInFlight_ReadsOnceAndReturnsTheBody()
    {
        var sut = CreateSut();

        var get = sut.GetAsync(Server, CancellationToken.None);
        Answer(0, "one");

        Assert.Equal("one", Text(await get));
        await _inner.Received(1).GetAsync(Server, CancellationToken.None);
    }

    [Fact]
    public async Task GetAsync_SameRequestWhileOneIsInFlight_LaterCallersShareTheNextRead()
    {
        var sut = CreateSut();
        var first = sut.GetAsync(Server, CancellationToken.None);
        var second = sut.GetAsync(Server, CancellationToken.None);
        var third = sut.GetAsync(Server, CancellationToken.None);
        Assert.Single(_reads);

        Answer(0, "read before the others called");
        Assert.Equal("read before the others called", Text(await first));
        await WaitForReadsAsync(2);
        Answer(1, "read after they called");

        Assert.Equal("read after they called", Text(await second));
        Assert.Equal("read after they called", Text(await third));
        Assert.Equal(2, _reads.Count);
    }

    // Regression: a server boot's ten notifications made the push path send ten reads of the server at
    // once; nova-api's two workers queued them and the final state came seconds late.
    [Fact]
    public async Task GetAsync_TenReReadsOfOneServerAtOnce_TwoReadsReachTheService()
    {
        var sut = CreateSut();

        var gets = Enumerable.Range(0, 10).Select(_ => sut.GetAsync(Server, CancellationToken.None)).ToList();
        Answer(0, "booting");
        await WaitForReadsAsync(2);
        Answer(1, "active");

        Assert.Equal(["booting", .. Enumerable.Repeat("active", 9)], (await Task.WhenAll(gets)).Select(Text));
        Assert.Equal(2, ReadCount());
    }

    [Fact]
    public async Task GetAsync_DifferentRequests_ReadSideBySide()
    {
        var sut = CreateSut();

        var one = sut.GetAsync(Server, CancellationToken.None);
        var other = sut.GetAsync(Server with { PathAndQuery = "/servers/def" }, CancellationToken.None);
        var otherVersion = sut.GetAsync(Server with { Version = new ApiVersion("compute", "2.1") }, CancellationToken.None);

        Assert.Equal(3, _reads.Count);
        Answer(0, "a");
        Answer(1, "b");
        Answer(2, "c");
        Assert.Equal(["a", "b", "c"], (await Task.WhenAll(one, other, otherVersion)).Select(Text));
    }

    [Fact]
    public async Task GetAsync_ReadInFlightFails_OnlyItsCallersGetTheFailure()
    {
        var sut = CreateSut();
        var first = sut.GetAsync(Server, CancellationToken.None);
        var second = sut.GetAsync(Server, CancellationToken.None);

        _reads[0].SetException(new OpenStackException("compute GET /servers/abc failed: connection reset"));
        await WaitForReadsAsync(2);
        Answer(1, "fine again");

        await Assert.ThrowsAsync<OpenStackException>(() => first);
        Assert.Equal("fine again", Text(await second));
    }

    [Fact]
    public async Task GetAsync_OneCallerCancels_TheOthersStillGetTheSharedRead()
    {
        var sut = CreateSut();
        using var cancellation = new CancellationTokenSource();
        var cancelled = sut.GetAsync(Server, cancellation.Token);
        var other = sut.GetAsync(Server, CancellationToken.None);

        await cancellation.CancelAsync();
        Answer(0, "first");
        await WaitForReadsAsync(2);
        Answer(1, "second");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("second", Text(await other));
    }

    [Fact]
    public async Task GetAsync_AfterAllReadsEnded_StartsAFreshRead()
    {
        var sut = CreateSut();
        var first = sut.GetAsync(Server, CancellationToken.None);
        Answer(0, "old");
        await first;

        var later = sut.GetAsync(Server, CancellationToken.None);
        await WaitForReadsAsync(2);
        Answer(1, "new");

        Assert.Equal("new", Text(await later));
    }

    public void Dispose() => _started.Dispose();

    private static string Text(byte[] body) => Encoding.UTF8.GetString(body);

    private CoalescingOpenStackClient CreateSut() => new(_inner);

    private void Answer(int read, string body) => _reads[read].SetResult(Encoding.UTF8.GetBytes(body));

    // The next read starts on the thread that finished the previous one; the guard only stops a hang.
    private async Task WaitForReadsAsync(int count)
    {
        while (ReadCount() < count)
        {
            Assert.True(await _started.WaitAsync(TimeSpan.FromSeconds(30)), $"read {count} never started");
        }
    }

    private int ReadCount()
    {
        lock (_reads)
        {
            return _reads.Count;
        }
    }
}
