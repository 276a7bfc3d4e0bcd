using Synchronizer.Messaging.Rpc;

namespace Synchronizer.Messaging.Tests.Rpc;

public class RpcTopologyTests
{
    [Fact]
    public void For_Defaults_NamesQueuesAsOslo()
    {
        var topology = RpcTopology.For(new MessagingOptions { Host = "sync-1", AmqpDurableQueues = true }, new RpcServerOptions());

        Assert.Equal("synchronizer", topology.Exchange);
        Assert.True(topology.Durable);
        Assert.Equal("synchronizer", topology.Topic);
        Assert.Equal("synchronizer.sync-1", topology.ServerQueue);
        Assert.Equal("synchronizer_fanout", topology.FanoutExchange);
        Assert.Matches("^synchronizer_fanout_[0-9a-f]{32}$", topology.FanoutQueue);
        Assert.Equal(1_800_000, RpcTopology.TransientQueueExpiresMs);
    }

    [Fact]
    public void For_TwoStarts_GiveTwoFanoutQueues()
    {
        var options = new MessagingOptions();

        Assert.NotEqual(RpcTopology.For(options, new RpcServerOptions()).FanoutQueue, RpcTopology.For(options, new RpcServerOptions()).FanoutQueue);
    }
}
