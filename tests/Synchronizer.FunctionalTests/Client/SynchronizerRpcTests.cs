using Microsoft.Extensions.DependencyInjection;
using Synchronizer.Client;
using Synchronizer.Client.Rpc;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.FunctionalTests.Rpc;
using Synchronizer.Messaging.Rpc;
using ClientErrors = Synchronizer.Client.Rpc.RpcErrorClasses;

namespace Synchronizer.FunctionalTests.Client;

/// <summary>The .NET client's oslo RPC against the real RPC server: results, failures, keep-alives, time-outs.</summary>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class SynchronizerRpcTests : IAsyncLifetime
{
    private RpcServerHarness _server = null!;
    private ScriptedSynchronizer _synchronizer = null!;

    public async Task InitializeAsync() =>
        _server = await RpcServerHarness.StartAsync(services =>
        {
            _synchronizer = new ScriptedSynchronizer(services.GetRequiredService<Core.Publishing.IChangePublisher>());
            return new SlowListTypes(_synchronizer);
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Calls_ContractFailures_ComeBackWithTheirClassNames()
    {
        await using var client = await ConnectAsync();

        var unknownType = await Assert.ThrowsAsync<SynchronizerRpcException>(() => client.Rpc.GetAllAsync("nova.flavor"));
        var badLimit = await Assert.ThrowsAsync<SynchronizerRpcException>(() => client.Rpc.GetAllAsync(ScriptedSynchronizer.Type, limit: 0));
        var unknownMethod = await Assert.ThrowsAsync<SynchronizerRpcException>(() => client.Rpc.SyncAsync());
        var revisionGone = await Assert.ThrowsAsync<SynchronizerRpcException>(() => ForgetThenGetChangesAsync(client));

        Assert.Equal(ClientErrors.UnknownEntityType, unknownType.ClassName);
        Assert.Equal("No entity type 'nova.flavor'.", unknownType.Message);
        Assert.Equal(ClientErrors.InvalidArgument, badLimit.ClassName);
        Assert.Contains("'limit'", badLimit.Message, StringComparison.Ordinal);
        Assert.Equal(ClientErrors.UnknownMethod, unknownMethod.ClassName);
        Assert.Equal(ClientErrors.RevisionGone, revisionGone.ClassName);
    }

    [Fact]
    public async Task Call_SlowWithCallMonitorTimeout_KeepAlivesCarryItToItsResult()
    {
        await using var client = await ConnectAsync(o =>
        {
            o.CallMonitorTimeout = TimeSpan.FromSeconds(2);
            o.RpcTimeout = TimeSpan.FromSeconds(30);
        });

        var types = await client.Rpc.ListTypesAsync();

        Assert.Equal(ScriptedSynchronizer.Type, Assert.Single(types).EntityType);
    }

    [Fact]
    public async Task Call_SlowerThanRpcTimeout_TimesOut()
    {
        await using var client = await ConnectAsync(o => o.RpcTimeout = TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<TimeoutException>(() => client.Rpc.ListTypesAsync());
    }

    [Fact]
    public async Task Call_TopicNobodyListensOn_FailsAtOnceAsUndeliverable()
    {
        await using var client = await ConnectAsync(o => o.RpcTopic = $"nobody-{Guid.NewGuid():N}");

        var error = await Assert.ThrowsAsync<SynchronizerRpcException>(() => client.Rpc.ListTypesAsync());

        Assert.Equal(ClientErrors.MessageUndeliverable, error.ClassName);
    }

    private async Task<ChangePage> ForgetThenGetChangesAsync(SynchronizerClient client)
    {
        await _synchronizer.UpsertAsync("a", "1");
        await _synchronizer.UpsertAsync("a", "2");
        _synchronizer.ForgetChangeLog();
        return await client.Rpc.GetChangesAsync(ScriptedSynchronizer.Type, 1);
    }

    private Task<SynchronizerClient> ConnectAsync(Action<SynchronizerClientOptions>? configure = null)
    {
        var options = new SynchronizerClientOptions
        {
            TransportUrl = TestBroker.TransportUrl,
            ControlExchange = _server.Exchange,
            RpcTopic = _server.Topic,
        };
        configure?.Invoke(options);
        return SynchronizerClient.ConnectAsync(options);
    }

    /// <summary>The scripted synchronizer, plus a <c>list_types</c> that takes 5 s.</summary>
    private sealed class SlowListTypes : IRpcDispatcher
    {
        private readonly ScriptedSynchronizer _inner;

        public SlowListTypes(ScriptedSynchronizer inner) => _inner = inner;

        public async Task<RpcResult> DispatchAsync(RpcRequest request, CancellationToken cancellationToken)
        {
            if (request.Method != RpcMethodNames.ListTypes)
            {
                return await _inner.DispatchAsync(request, cancellationToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            return RpcResult.FromWriter(json =>
            {
                json.WriteStartObject();
                json.WriteStartArray("types");
                json.WriteStartObject();
                json.WriteString("entity_type", ScriptedSynchronizer.Type);
                json.WriteNumber("revision", 0);
                json.WriteNumber("count", 0);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            });
        }
    }
}
