using System.Globalization;
using RabbitMQ.Client;
using Synchronizer.Client;
using Synchronizer.Client.Rpc;
using Synchronizer.FunctionalTests.Durability;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.Cli;

/// <summary>
/// What the command line talks to: the simulator with servers and volumes, the real service as a
/// process polling nova.instance and cinder.volume, and the configuration file both read. Exchange, RPC
/// topic and topic prefix are the test's own, so nothing on the shared broker answers in its place.
/// </summary>
public sealed class RunningService : IAsyncLifetime
{
    public const int Servers = 120;
    public const int Volumes = 30;
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _dir = Directory.CreateTempSubdirectory("synchronizer-cli-").FullName;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];
    private ServiceProcess _service = null!;

    public SimulatorServer Simulator { get; private set; } = null!;

    /// <summary>Gets a client of the same service, to compare what the command line prints with what the service says.</summary>
    public SynchronizerClient Client { get; private set; } = null!;

    public string ConfigFile => Path.Combine(_dir, "synchronizer.conf");

    public string Exchange => $"cli-{_suffix}";

    public string RpcTopic => $"cli-rpc-{_suffix}";

    public string Prefix => $"cli-{_suffix}";

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = Servers, SeedVolumes = Volumes, RandomSeed = 6 }, CancellationToken.None);
        await File.WriteAllTextAsync(ConfigFile, Config(TestBroker.TransportUrl));
        _service = ServiceProcess.Start(ConfigFile);
        Client = await SynchronizerClient.ConnectAsync(new SynchronizerClientOptions
        {
            TransportUrl = TestBroker.TransportUrl,
            ControlExchange = Exchange,
            RpcTopic = RpcTopic,
            NotificationTopicPrefix = Prefix,
            RpcTimeout = Patience,
        });
        await WaitUntilEveryTypePolledAsync();
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await _service.DisposeAsync();
        await DeleteBrokerObjectsAsync();
        await Simulator.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A configuration like this one's, with another transport URL (for the error paths).</summary>
    public string WriteConfig(string name, string transportUrl)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, Config(transportUrl));
        return path;
    }

    private string Config(string transportUrl) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        [DEFAULT]
        transport_url = {transportUrl}
        control_exchange = {Exchange}
        rpc_topic = {RpcTopic}
        notification_topic_prefix = {Prefix}
        host = cli-test

        [service_credentials]
        auth_url = {Simulator.IdentityUrl}
        username = admin
        password = secret
        project_name = admin

        [admin_api]
        bind = 127.0.0.1:0

        [nova.instance]
        interval = 3600

        [cinder.volume]
        interval = 3600

        [nova.host]
        enabled = false

        [nova.zone]
        enabled = false

        [heat.stack]
        enabled = false
        """);

    private async Task WaitUntilEveryTypePolledAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                var types = await Client.Rpc.ListTypesAsync();
                if (types.Count == 2 && types.All(t => t.LastPollStatus == "ok"))
                {
                    return;
                }
            }
            catch (SynchronizerRpcException ex) when (ex.ClassName == RpcErrorClasses.MessageUndeliverable)
            {
                // The service has not declared its RPC queue yet.
            }

            if (_service.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The service did not poll every type (exited: {_service.HasExited}). Its output:{Environment.NewLine}{_service.Output}");
            }

            await Task.Delay(200);
        }
    }

    private async Task DeleteBrokerObjectsAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestBroker.TransportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        await using var connection = await factory.CreateConnectionAsync();
        foreach (var queue in new[] { $"{Prefix}.nova.instance.info", $"{Prefix}.cinder.volume.info", RpcTopic, $"{RpcTopic}.cli-test" })
        {
            // One channel per deletion: a failed one closes its channel.
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(queue);
        }

        await using var last = await connection.CreateChannelAsync();
        await last.ExchangeDeleteAsync(Exchange);
    }
}
