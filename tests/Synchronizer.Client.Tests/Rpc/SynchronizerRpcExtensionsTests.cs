using System.Text.Json;
using NSubstitute;
using Synchronizer.Client.Replication;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Client.Tests.Rpc;

public class SynchronizerRpcExtensionsTests
{
    private const string Type = "nova.instance";
    private readonly ISynchronizerRpc _rpc = Substitute.For<ISynchronizerRpc>();

    [Fact]
    public async Task ReadSnapshotAsync_ThreePages_FollowsTheMarkersOfOneSnapshot()
    {
        Answer(null, Page(7, "m1", "a", "b"));
        Answer("m1", Page(7, "m2", "c"));
        Answer("m2", Page(7, null, "d"));

        var pages = await Read(pageSize: 2);

        Assert.Equal(["a", "b", "c", "d"], pages.SelectMany(p => p.Entities).Select(e => e.Id));
        Assert.All(pages, p => Assert.Equal(7, p.Revision));
        await _rpc.Received(1).GetAllAsync(Type, "m2", 2, "project-1", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ReadSnapshotAsync_PageOfAnotherRevision_ThrowsSnapshotExpired()
    {
        Answer(null, Page(7, "m1", "a"));
        Answer("m1", Page(9, null, "b"));

        var error = await Assert.ThrowsAsync<SynchronizerRpcException>(() => Read(pageSize: 1));

        Assert.Equal(RpcErrorClasses.SnapshotExpired, error.ClassName);
        Assert.Contains("7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadSnapshotAsync_ServiceRefuses_ThePageCallsFailureComesThrough()
    {
        _rpc.GetAllAsync(Type, null, Arg.Any<int>(), Arg.Any<string?>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<SnapshotPage>(new SynchronizerRpcException(RpcErrorClasses.UnknownEntityType, "no")));

        var error = await Assert.ThrowsAsync<SynchronizerRpcException>(() => Read(pageSize: 10));

        Assert.Equal(RpcErrorClasses.UnknownEntityType, error.ClassName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5001)]
    public async Task ReadSnapshotAsync_PageSizeOutOfRange_Throws(int pageSize)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Read(pageSize));
        await _rpc.DidNotReceiveWithAnyArgs().GetAllAsync(default!, default, default, default, default);
    }

    private static SnapshotPage Page(long revision, string? next, params string[] ids) =>
        new(Type, revision, [.. ids.Select(id => new ReplicaEntity(id, 1, "xxh3-64:0000000000000000", JsonDocument.Parse($$"""{"id": "{{id}}"}""").RootElement))], next);

    private void Answer(string? marker, SnapshotPage page) =>
        _rpc.GetAllAsync(Type, marker, Arg.Any<int>(), Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(page);

    private async Task<List<SnapshotPage>> Read(int pageSize)
    {
        var pages = new List<SnapshotPage>();
        await foreach (var page in _rpc.ReadSnapshotAsync(Type, pageSize, "project-1"))
        {
            pages.Add(page);
        }

        return pages;
    }
}
