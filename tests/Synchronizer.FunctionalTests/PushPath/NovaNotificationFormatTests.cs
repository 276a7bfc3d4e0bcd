using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.FunctionalTests.EndToEnd;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Nova;
using Synchronizer.Service.Hosting;
using Synchronizer.Service.PushPath;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.PushPath;

/// <summary>
/// Nova with <c>notification_format = both</c> announces every change twice: versioned
/// (<c>instance.update</c> on exchange nova, topic versioned_notifications) and legacy
/// (<c>compute.instance.update</c> on topic notifications). The push path consumes the format
/// <c>[openstack_notifications] nova</c> names, so each change re-reads the server once, not twice.
/// </summary>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class NovaNotificationFormatTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public Task BothFormatsSent_DefaultConfiguration_OnlyTheVersionedOneReReadsTheServer() =>
        AssertEachChangeReadOnceAsync(novaSources: null, consumedTopic: "versioned_notifications");

    [Fact]
    public Task BothFormatsSent_LegacyTopicConfigured_OnlyTheLegacyOneReReadsTheServer() =>
        AssertEachChangeReadOnceAsync(novaSources: "nova:notifications", consumedTopic: "notifications");

    private static async Task AssertEachChangeReadOnceAsync(string? novaSources, string consumedTopic)
    {
        using var deadline = new CancellationTokenSource(Patience);
        var pool = $"nova-format-{Guid.NewGuid():N}"[..24];
        var queue = $"{pool}.nova.{consumedTopic}";
        var exchange = TestBroker.UniqueExchange();
        var shows = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = 2, NotificationsTransportUrl = TestBroker.TransportUrl }, deadline.Token);
        await using var provider = BuildSynchronizer(simulator, exchange, pool, novaSources, shows);
        await using var recorder = await NotificationRecorder.StartAsync(TestBroker.TransportUrl, exchange, "synchronizer.nova.instance.info");
        var pushPath = provider.GetRequiredService<PushPathHostedService>();
        await pushPath.StartAsync(deadline.Token);
        try
        {
            var instances = provider.GetRequiredService<SynchronizationEngine>().TryGet(NovaEntityTypes.Instance, out var type) ? type : throw new InvalidOperationException("nova.instance is not registered.");
            await instances.PollAsync(ChangeSource.Poll, deadline.Token);
            await recorder.WaitForAsync(2, Patience);

            // The second change comes after the first through the same queue, so once it is announced
            // and the push path is idle, a second copy of the first would have been handled too.
            var servers = await simulator.Control.GetServersAsync(deadline.Token);
            var renamed = new List<(string Id, string Name)>();
            foreach (var server in servers)
            {
                var id = server.GetProperty("id").GetString()!;
                var name = $"renamed-{Guid.NewGuid():N}"[..16];
                await simulator.Control.UpdateServerAsync(id, name: name, ct: deadline.Token);
                await PublishLegacyUpdateAsync(server, name, deadline.Token);
                renamed.Add((id, name));
            }

            await recorder.WaitForAsync(4, Patience);
            await PushPathDrain.WaitAsync(simulator, pushPath, [queue], deadline.Token);

            Assert.Equal(2, pushPath.Statistics!.Received);
            foreach (var (id, name) in renamed)
            {
                Assert.Equal(1, shows.GetValueOrDefault(id));
                var update = Assert.Single(recorder.Received, n => n.EventType == "nova.instance.update" && n.Id == id);
                Assert.Equal("notification", update.Payload.GetProperty("source").GetString());
                Assert.Equal(name, update.Payload.GetProperty("entity").GetProperty("name").GetString());
            }
        }
        finally
        {
            await pushPath.StopAsync(CancellationToken.None);
            await BrokerQueues.DeleteAsync([queue, $"{pool}.dead-letter"]);
        }
    }

    private static ServiceProvider BuildSynchronizer(SimulatorServer simulator, string exchange, string pool, string? novaSources, ConcurrentDictionary<string, int> shows)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["openstack_notifications:enabled"] = "true",
            ["openstack_notifications:pool"] = pool,
            ["openstack_notifications:cinder"] = string.Empty,
            ["openstack_notifications:heat"] = string.Empty,
        };
        if (novaSources is not null)
        {
            overrides["openstack_notifications:nova"] = novaSources;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(SynchronizerHarness.Settings(simulator, exchange, overrides)).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new ServerShowCounter(shows)));
        services.AddSynchronizer(configuration).AddNova();
        services.AddPushPath(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    // What nova's legacy notifier sends for the same rename (nova/notifications/base.py, info_from_instance).
    private static async Task PublishLegacyUpdateAsync(JsonElement server, string newName, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var payload = new Dictionary<string, object?>
        {
            ["tenant_id"] = server.GetProperty("tenant_id").GetString(),
            ["user_id"] = server.GetProperty("user_id").GetString(),
            ["instance_id"] = server.GetProperty("id").GetString(),
            ["display_name"] = newName,
            ["old_display_name"] = server.GetProperty("name").GetString(),
            ["hostname"] = server.GetProperty("name").GetString(),
            ["host"] = server.GetProperty("OS-EXT-SRV-ATTR:host").GetString(),
            ["state"] = "active",
            ["old_state"] = "active",
            ["state_description"] = string.Empty,
            ["old_task_state"] = null,
            ["new_task_state"] = null,
            ["progress"] = string.Empty,
            ["metadata"] = new Dictionary<string, string>(),
        };
        var message = new Dictionary<string, object?>
        {
            ["message_id"] = Guid.NewGuid().ToString("D"),
            ["publisher_id"] = "nova-api:sim-controller",
            ["event_type"] = "compute.instance.update",
            ["priority"] = "INFO",
            ["payload"] = payload,
            ["timestamp"] = now.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            ["_unique_id"] = Guid.NewGuid().ToString("N"),
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["oslo.version"] = "2.0", ["oslo.message"] = JsonSerializer.Serialize(message) });
        await using var connection = await BrokerQueues.Factory().CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync("nova", ExchangeType.Topic, durable: false, autoDelete: false, cancellationToken: cancellationToken);
        var properties = new BasicProperties { ContentType = "application/json", ContentEncoding = "utf-8", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync("nova", "notifications.info", mandatory: false, properties, body, cancellationToken);
    }

    /// <summary>Counts the GETs of single servers (<c>/servers/{id}</c>) the synchronizer sends to the simulator.</summary>
    private sealed class ServerShowCounter(ConcurrentDictionary<string, int> shows) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var segments = request.RequestUri!.AbsolutePath.Split('/');
            if (request.Method == HttpMethod.Get && segments.Length >= 2 && segments[^2] == "servers")
            {
                shows.AddOrUpdate(segments[^1], 1, (_, count) => count + 1);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
