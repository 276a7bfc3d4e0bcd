using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using Synchronizer.Core.Polling;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.FunctionalTests.Rpc;
using Synchronizer.Service.Hosting;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// The synchronizer, unchanged: the Generic Host of <c>synchronizer serve</c> (Quartz schedule, push path,
/// RPC server, admin API) against the real cloud through Keystone's catalog, publishing on the test broker.
/// </summary>
internal sealed class RealSynchronizer : IAsyncDisposable
{
    private static readonly TimeSpan FirstPollPatience = TimeSpan.FromSeconds(90);

    private readonly IHost _host;
    private readonly RealCloudEnvironment _cloud;
    private readonly IReadOnlyList<string> _enabled;

    private RealSynchronizer(IHost host, RealCloudEnvironment cloud, string exchange, string rpcTopic, string pool, IReadOnlyList<string> enabled)
    {
        _host = host;
        _cloud = cloud;
        Exchange = exchange;
        RpcTopic = rpcTopic;
        Pool = pool;
        _enabled = enabled;
    }

    /// <summary>Gets the control exchange our topics are on (one per synchronizer, so runs never mix).</summary>
    public string Exchange { get; }

    public string RpcTopic { get; }

    /// <summary>Gets the push path's queue prefix on OpenStack's bus.</summary>
    public string Pool { get; }

    public SynchronizationEngine Engine => _host.Services.GetRequiredService<SynchronizationEngine>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the service with <paramref name="settings"/> (oslo keys as <c>section:key</c>) over the defaults below.</summary>
    /// <param name="cloud">The cloud to synchronize.</param>
    /// <param name="exchange">Our control exchange, chosen by the caller so its recorders can bind before the first poll publishes.</param>
    /// <param name="settings">Settings over the defaults.</param>
    /// <param name="logs">Also receives the information messages of the OpenStack client (tokens issued) and of the polls.</param>
    public static async Task<RealSynchronizer> StartAsync(RealCloudEnvironment cloud, string exchange, IDictionary<string, string?> settings, RecordingLoggerProvider? logs = null)
    {
        var rpcTopic = $"realcloud-rpc-{Guid.NewGuid():N}"[..24];
        var pool = $"realcloud-{Guid.NewGuid():N}"[..20];
        var all = new Dictionary<string, string?>
        {
            ["DEFAULT:transport_url"] = TestBroker.TransportUrl,
            ["DEFAULT:control_exchange"] = exchange,
            ["DEFAULT:rpc_topic"] = rpcTopic,
            ["DEFAULT:host"] = "realcloud-test",
            ["service_credentials:auth_url"] = cloud.AuthUrl,
            ["service_credentials:username"] = cloud.Admin.Username,
            ["service_credentials:password"] = cloud.Admin.Password,
            ["service_credentials:project_name"] = cloud.Admin.ProjectName,
            ["service_credentials:user_domain_name"] = cloud.UserDomainName,
            ["service_credentials:project_domain_name"] = cloud.ProjectDomainName,
            ["service_credentials:region_name"] = cloud.RegionName,
            ["service_credentials:interface"] = cloud.Interface,
            ["admin_api:bind"] = "127.0.0.1:0",
            ["openstack_notifications:enabled"] = "false",
            ["openstack_notifications:transport_url"] = cloud.NotificationsTransportUrl,
            ["openstack_notifications:pool"] = pool,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var enabled = RealCloudTypes.All.Where(t => all.GetValueOrDefault($"{t}:enabled") != "false").ToList();
        var host = SynchronizerHost.Build(new ConfigurationBuilder().AddInMemoryCollection(all).Build(), logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            if (RealCloudTrace.Enabled)
            {
                logging.AddProvider(new RealCloudTrace());
                logging.AddFilter<RealCloudTrace>("Synchronizer", LogLevel.Debug);
                logging.AddFilter<RealCloudTrace>("System.Net.Http.HttpClient", LogLevel.Information);
            }
            if (logs is not null)
            {
                logging.AddProvider(logs);
                logging.AddFilter<RecordingLoggerProvider>("Synchronizer.OpenStack", LogLevel.Information);
                logging.AddFilter<RecordingLoggerProvider>("Synchronizer.Core", LogLevel.Information);
            }
        });
        var synchronizer = new RealSynchronizer(host, cloud, exchange, rpcTopic, pool, enabled);
        await host.StartAsync();
        return synchronizer;
    }

    public TypeSynchronizer Type(string entityType) =>
        Engine.TryGet(entityType, out var type) ? type : throw new InvalidOperationException($"{entityType} is not registered.");

    /// <summary>Waits until every enabled type has completed its start-up poll, and fails if one failed.</summary>
    public async Task WaitForFirstPollsAsync()
    {
        await Eventually.UntilAsync(
            () => Task.FromResult(_enabled.Select(Type).ToList()),
            types => types.All(t => t.Status.LastPollAt is not null),
            FirstPollPatience,
            "the start-up poll of every type");
        foreach (var name in _enabled)
        {
            var status = Type(name).Status;
            Assert.True(status.LastPollStatus == "ok", $"{name}: start-up poll {status.LastPollStatus}: {status.LastError}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await DeletePushQueuesAsync();
    }

    // The push path's queues outlive it (as a deployment's should); a test's own pool must not stay
    // behind on OpenStack's bus collecting every notification.
    private async Task DeletePushQueuesAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(_cloud.NotificationsTransportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in new[] { "nova.versioned_notifications", "openstack.notifications", "cinder.notifications", "heat.notifications", "dead-letter" })
        {
            await channel.QueueDeleteAsync($"{Pool}.{queue}");
        }
    }
}
