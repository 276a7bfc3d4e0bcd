using RabbitMQ.Client.Exceptions;
using Synchronizer.Client.Rpc;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.FunctionalTests.Rpc;

namespace Synchronizer.FunctionalTests.Cli;

/// <summary>
/// <c>synchronizer watch</c> outlives a broker restart: its connection recovers, its queue is declared
/// and bound again, and the changes after the restart are printed by the same process.
/// </summary>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class WatchBrokerRestartTests : IClassFixture<RunningService>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly RunningService _service;

    public WatchBrokerRestartTests(RunningService service) => _service = service;

    [Trait(BrokerRestart.Trait, BrokerRestart.Value)]
    [Fact]
    public async Task Watch_BrokerRestarts_KeepsPrintingTheChangesAfterIt()
    {
        await using var watch = CliProcess.Start("watch", "nova.instance", "--config-file", _service.ConfigFile);
        await watch.WaitForErrorAsync("watching nova.instance", Patience);

        await BrokerNode.CtlAsync("stop_app");
        await BrokerNode.CtlAsync("start_app");
        await BrokerNode.CtlAsync("await_startup");
        var id = await _service.Simulator.Control.CreateServerAsync("created-after-restart");
        await SyncWhenTheServiceIsBackAsync();

        var line = await watch.WaitForLineAsync(l => l.Contains(id, StringComparison.Ordinal), Patience, "the create after the restart");
        var code = await watch.InterruptAsync(Patience);

        Assert.Matches($@"  nova\.instance  create  {id}  created-after-restart\s+r\d+$", line);
        Assert.Equal(0, code);
        Assert.DoesNotContain("   at ", watch.Error, StringComparison.Ordinal);
    }

    private async Task SyncWhenTheServiceIsBackAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                await _service.Client.Rpc.SyncAsync("nova.instance");
                return;
            }
            catch (Exception ex) when (DateTime.UtcNow < deadline && ex is SynchronizerRpcException or TimeoutException or AlreadyClosedException or OperationInterruptedException)
            {
                // The service's and the client's connections are still coming back.
                await Task.Delay(500);
            }
        }
    }
}
