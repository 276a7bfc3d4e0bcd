using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Nova;
using Synchronizer.Service.Hosting;
using Synchronizer.Service.PushPath;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.PushPath;

/// <summary>
/// The push path end to end: the simulator publishes Nova's real versioned notifications on the broker,
/// the synchronizer re-reads the server at once and announces the change without another poll.
/// </summary>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class PushPathEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan PushPatience = TimeSpan.FromSeconds(5);

    // Exchange "nova" is shared by every test on the broker: a pool of our own gives us our own queue.
    private readonly string _pool = $"push-test-{Guid.NewGuid():N}"[..24];
    private readonly string _exchange = TestBroker.UniqueExchange();
    private SimulatorServer _simulator = null!;
    private ServiceProvider _provider = null!;
    private PushPathHostedService _pushPath = null!;
    private NotificationRecorder _recorder = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorServer.StartAsync(new SimulatorOptions { NotificationsTransportUrl = TestBroker.TransportUrl }, CancellationToken.None);
        var settings = SynchronizerHarness.Settings(_simulator, _exchange, new Dictionary<string, string?>
        {
            ["openstack_notifications:enabled"] = "true",
            ["openstack_notifications:pool"] = _pool,
            ["openstack_notifications:nova"] = "nova:versioned_notifications",
            ["openstack_notifications:cinder"] = string.Empty,
            ["openstack_notifications:heat"] = string.Empty,
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSynchronizer(configuration).AddNova();
        services.AddPushPath(configuration);
        _provider = services.BuildServiceProvider(validateScopes: true);
        _recorder = await NotificationRecorder.StartAsync(TestBroker.TransportUrl, _exchange, "synchronizer.nova.instance.info");
        _pushPath = _provider.GetRequiredService<PushPathHostedService>();
        await _pushPath.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _pushPath.StopAsync(CancellationToken.None);
        await _recorder.DisposeAsync();
        await _provider.DisposeAsync();
        await _simulator.DisposeAsync();
        await DeleteQueuesAsync($"{_pool}.nova.versioned_notifications", $"{_pool}.dead-letter");
    }

    [Fact]
    public async Task Rename_AfterFirstPoll_AnnouncedFromNotificationWithoutAnotherPoll()
    {
        await _simulator.Control.SeedServersAsync(5);
        var instances = _provider.GetRequiredService<SynchronizationEngine>().TryGet(NovaEntityTypes.Instance, out var type)
            ? type
            : throw new InvalidOperationException("nova.instance is not registered.");
        var first = await instances.PollAsync(ChangeSource.Poll, CancellationToken.None);
        Assert.Equal(5, first.Listed);
        var polledAt = instances.Status.LastPollAt;
        await _recorder.WaitForAsync(5, TimeSpan.FromSeconds(30));

        var servers = await _simulator.Control.GetServersAsync();
        var id = servers[2].GetProperty("id").GetString()!;
        var newName = $"renamed-{Guid.NewGuid():N}"[..16];
        await _simulator.Control.UpdateServerAsync(id, name: newName);

        // Only the push path can announce it: no poll runs after the rename.
        var deadline = DateTime.UtcNow + PushPatience;
        ReceivedNotification? update = null;
        while (update is null && DateTime.UtcNow < deadline)
        {
            update = _recorder.Received.Skip(5).FirstOrDefault(n => n.EventType == "nova.instance.update" && n.Id == id);
            if (update is null)
            {
                await Task.Delay(25);
            }
        }

        Assert.True(update is not null, $"No nova.instance.update for {id} within {PushPatience.TotalSeconds} s; received {_recorder.Received.Count}, push path handled {_pushPath.Statistics?.Handled}.");
        Assert.Equal("notification", update.Payload.GetProperty("source").GetString());
        Assert.Equal(newName, update.Payload.GetProperty("entity").GetProperty("name").GetString());
        Assert.Contains("name", update.Payload.GetProperty("changed_fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(6, update.Revision);
        Assert.Equal(polledAt, instances.Status.LastPollAt);
    }

    private static async Task DeleteQueuesAsync(params string[] queues)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestBroker.TransportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in queues)
        {
            await channel.QueueDeleteAsync(queue);
        }
    }
}
