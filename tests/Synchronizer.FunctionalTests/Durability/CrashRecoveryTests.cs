using System.Globalization;
using RabbitMQ.Client;
using Synchronizer.Core.Polling;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Service.Storage;
using Synchronizer.Simulator.Hosting;
using Xunit.Abstractions;

namespace Synchronizer.FunctionalTests.Durability;

/// <summary>
/// The real service process, with a SQLite state file, killed (SIGKILL) while it publishes the
/// initial change set of 20,000 servers, then started again on the same file.
/// </summary>
/// <remarks>
/// What is asserted, with P the published mark the killed process left in the file (the last revision
/// it saw confirmed and recorded as such) and M the highest revision received before the restart:
/// <list type="number">
/// <item>The whole initial change set (revisions 1..20000) was recorded before anything was published.</item>
/// <item>The first process delivered exactly 1..M, in order, and was killed mid-way (M &lt; 20000).</item>
/// <item>P &lt;= M and M - P &lt;= <see cref="TypeSynchronizer.PublishBatchSize"/>: at most one batch was confirmed but not yet marked.</item>
/// <item>The second process delivered exactly P+1, P+2, ... 20001, in order: it starts at the first change
/// not marked published (nothing before it, which the broker confirmed and the file recorded, comes
/// again), re-announces only the in-flight window P+1..M, and continues densely with the change made
/// while it was down.</item>
/// <item>So every revision 1..20001 arrived at least once, with no gap, and at most M - P arrived twice.</item>
/// </list>
/// </remarks>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private const int Servers = 20_000;
    private const int KillAfter = 3_000;
    private const string EntityType = "nova.instance";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly ITestOutputHelper _output;
    private readonly string _dir = Directory.CreateTempSubdirectory("synchronizer-crash-").FullName;
    private readonly string _exchange = TestBroker.UniqueExchange();
    private readonly string _prefix = $"crash{Guid.NewGuid():N}"[..16];
    private SimulatorServer _simulator = null!;
    private NotificationRecorder _recorder = null!;

    public CrashRecoveryTests(ITestOutputHelper output) => _output = output;

    private string StateFile => Path.Combine(_dir, "state.db");

    private string RoutingKey => $"{_prefix}.{EntityType}.info";

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = Servers, RandomSeed = 20_000 }, CancellationToken.None);
        _recorder = await NotificationRecorder.StartAsync(TestBroker.TransportUrl, _exchange, RoutingKey);
    }

    public async Task DisposeAsync()
    {
        await _recorder.DisposeAsync();
        await DeleteBrokerObjectsAsync();
        await _simulator.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Serve_KilledWhilePublishingThenRestarted_EveryRevisionAtLeastOnceDenseAndNothingConfirmedAgain()
    {
        const string firstHost = "crash-run-1";
        const string secondHost = "crash-run-2";
        await using (var first = ServiceProcess.Start(WriteConfig(firstHost)))
        {
            await WaitUntilAsync(() => _recorder.Received.Count >= KillAfter, first, "the first process to publish");
            await first.KillAsync();
        }

        var beforeRestart = await SettledAsync();
        var (recorded, publishedThrough) = await ReadStateFileAsync();
        var firstRun = Revisions(beforeRestart, firstHost);
        var m = firstRun.Count == 0 ? 0 : firstRun[^1];

        _output.WriteLine($"Killed after {m} notifications arrived; the file had {recorded} changes recorded, published through {publishedThrough}.");
        Assert.Equal(Servers, recorded);
        Assert.True(m < Servers, $"The first process published all {m} changes before it was killed; the test proves nothing. Raise {nameof(Servers)}.");
        Assert.Equal(Enumerable.Range(1, (int)m).Select(r => (long)r), firstRun);
        Assert.InRange(publishedThrough, m - TypeSynchronizer.PublishBatchSize, m);

        var created = await _simulator.Control.CreateServerAsync("created-while-down");
        await using (var second = ServiceProcess.Start(WriteConfig(secondHost)))
        {
            await WaitUntilAsync(() => _recorder.Received.Any(n => n.Revision == Servers + 1), second, "the second process to publish revision 20001");
            await SettledAsync();
            await second.KillAsync();
        }

        var all = _recorder.Received;
        var secondRun = Revisions(all, secondHost);
        Assert.Equal(all.Count, beforeRestart.Count + secondRun.Count);
        Assert.Equal(Enumerable.Range((int)publishedThrough + 1, Servers + 1 - (int)publishedThrough).Select(r => (long)r), secondRun);
        var last = all.Single(n => n.Revision == Servers + 1);
        Assert.Equal((created, "create"), (last.Id, last.Action));
        Assert.Equal(Enumerable.Range(1, Servers + 1).Select(r => (long)r), all.Select(n => n.Revision).Distinct().Order());
        Assert.Equal(m - publishedThrough, all.Count - (Servers + 1));
        _output.WriteLine($"The restart published {publishedThrough + 1}..{Servers + 1}: {all.Count - (Servers + 1)} announced twice, none missing.");
    }

    private static List<long> Revisions(IReadOnlyList<ReceivedNotification> received, string host) =>
        [.. received.Where(n => n.Message.GetProperty("publisher_id").GetString() == $"synchronizer.{host}").Select(n => n.Revision)];

    private static async Task WaitUntilAsync(Func<bool> condition, ServiceProcess service, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (service.HasExited || DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up waiting for {what} (exited: {service.HasExited}). Its last output:{Environment.NewLine}{service.Output}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits until no notification arrived for two seconds: what the broker had queued is delivered.</summary>
    private async Task<IReadOnlyList<ReceivedNotification>> SettledAsync()
    {
        var count = -1;
        while (count != _recorder.Received.Count)
        {
            count = _recorder.Received.Count;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        return _recorder.Received;
    }

    private async Task<(long Recorded, long PublishedThrough)> ReadStateFileAsync()
    {
        using var store = new SqliteChangeStore(new DatabaseConnection(DatabaseKind.SqliteFile, StateFile), 100_000);
        var state = await store.LoadAsync(EntityType, CancellationToken.None);
        var publishedThrough = state.Unpublished.Count == 0 ? state.Snapshot.Revision : state.Unpublished[0].Revision - 1;
        return (state.Snapshot.Revision, publishedThrough);
    }

    private string WriteConfig(string host)
    {
        var path = Path.Combine(_dir, host + ".conf");
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            [DEFAULT]
            transport_url = {TestBroker.TransportUrl}
            control_exchange = {_exchange}
            notification_topic_prefix = {_prefix}
            host = {host}

            [service_credentials]
            auth_url = {_simulator.IdentityUrl}
            username = admin
            password = secret
            project_name = admin
            request_timeout = 60

            [database]
            connection = sqlite://{StateFile}

            [admin_api]
            bind = 127.0.0.1:0

            [{EntityType}]
            interval = 3600

            [nova.host]
            enabled = false

            [nova.zone]
            enabled = false

            [cinder.volume]
            enabled = false

            [heat.stack]
            enabled = false
            """);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task DeleteBrokerObjectsAsync()
    {
        // The service declared a queue named after the routing key, which nobody consumes: drop it with its 40k messages.
        var factory = new ConnectionFactory { Uri = new Uri(TestBroker.TransportUrl.Replace("rabbit://", "amqp://", StringComparison.Ordinal)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(RoutingKey);
        await channel.ExchangeDeleteAsync(_exchange);
    }
}
