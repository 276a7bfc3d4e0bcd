using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// Everything one full run needs around the service: the simulator (its admin password a secret, its
/// notifications on), the token-recording proxy in front of its Keystone, broker names of its own, and
/// the configuration file with every secret set.
/// </summary>
internal sealed class ScanRun : IAsyncDisposable
{
    public const string KeystoneUser = "admin";

    private static readonly string[] EntityTypes = ["nova.instance", "nova.host", "nova.zone", "cinder.volume", "heat.stack"];

    private readonly string _id = ScanSecrets.RandomText(8).ToLowerInvariant();

    private ScanRun(ScanBrokerUsers users, ScanSecrets secrets, SimulatorServer simulator, TokenRecordingProxy proxy)
    {
        Users = users;
        Secrets = secrets;
        Simulator = simulator;
        Proxy = proxy;
        AdminApi = new Uri($"http://127.0.0.1:{FreePort()}/");
        ConfigFile = Path.Combine(Directory, "synchronizer.conf");
    }

    public ScanBrokerUsers Users { get; }

    public ScanSecrets Secrets { get; }

    public SimulatorServer Simulator { get; }

    public TokenRecordingProxy Proxy { get; }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("synchronizer-secrets-").FullName;

    public string ConfigFile { get; }

    public Uri AdminApi { get; }

    public string Exchange { get; } = TestBroker.UniqueExchange();

    /// <summary>Gets this run's <c>[DEFAULT] host</c>: it appears in the RPC server's start-up line, so the scan must find it (a positive control).</summary>
    public string Host => $"scan-host-{_id}";

    public string Prefix => $"scan{_id}";

    public string RpcTopic => $"scan-rpc-{_id}";

    public string Pool => $"scan-pool-{_id}";

    public string DeadLetterQueue => $"{Pool}.dead-letter";

    public static async Task<ScanRun> StartAsync(ScanBrokerUsers users)
    {
        var secrets = ScanSecrets.CreateRandom();
        var simulator = await SimulatorServer.StartAsync(
            new SimulatorOptions
            {
                Password = secrets.KeystonePassword,
                SeedServers = 5,
                SeedVolumes = 3,
                SeedStacks = 2,
                NotificationsTransportUrl = TestBroker.TransportUrl,
            },
            CancellationToken.None);
        var proxy = await TokenRecordingProxy.StartAsync(simulator.BaseAddress);
        var run = new ScanRun(users, secrets, simulator, proxy);
        await File.WriteAllTextAsync(run.ConfigFile, run.ConfigText());
        return run;
    }

    /// <summary>Every secret of the run: those configured, those sent to it, and each Keystone token it was issued.</summary>
    public IReadOnlyList<Secret> AllSecrets() =>
    [
        .. Secrets.OfFullRun(KeystoneUser),
        new("the password of [DEFAULT] transport_url", Users.Bus.Password, Users.Bus.Name),
        new("the password of [openstack_notifications] transport_url", Users.Notifications.Password, Users.Notifications.Name),
        .. Proxy.IssuedTokens.Select((token, i) => new Secret($"Keystone token #{i + 1} issued to the service", token, DistinctFrom: 7)),
    ];

    public async ValueTask DisposeAsync()
    {
        await DeleteBrokerObjectsAsync();
        await Proxy.DisposeAsync();
        await Simulator.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private string ConfigText()
    {
        var perType = string.Concat(EntityTypes.Select(t => $"[{t}]\ninterval = 3600\n\n"));
        return $"""
            [DEFAULT]
            transport_url = {Users.Bus.TransportUrl}
            control_exchange = {Exchange}
            notification_topic_prefix = {Prefix}
            rpc_topic = {RpcTopic}
            host = {Host}
            debug = true

            [service_credentials]
            auth_url = {new Uri(Proxy.BaseAddress, "identity/v3")}
            username = {KeystoneUser}
            password = {Secrets.KeystonePassword}
            project_name = admin
            request_timeout = 10
            max_retries = 1
            retry_base_delay = 0.05

            [admin_api]
            bind = 127.0.0.1:{AdminApi.Port}
            admin_token = {Secrets.AdminToken}

            [database]
            connection = sqlite://{Path.Combine(Directory, "state.db")}

            [openstack_notifications]
            enabled = true
            transport_url = {Users.Notifications.TransportUrl}
            pool = {Pool}

            {perType}
            """;
    }

    private async Task DeleteBrokerObjectsAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestBroker.TransportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        string[] queues =
        [
            .. EntityTypes.Select(t => $"{Prefix}.{t}.info"),
            RpcTopic, $"{RpcTopic}.{Host}",
            $"{Pool}.nova.versioned_notifications", $"{Pool}.openstack.notifications", $"{Pool}.cinder.notifications", $"{Pool}.heat.notifications", DeadLetterQueue,
        ];
        foreach (var queue in queues)
        {
            await channel.QueueDeleteAsync(queue);
        }

        await channel.ExchangeDeleteAsync(Exchange);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
