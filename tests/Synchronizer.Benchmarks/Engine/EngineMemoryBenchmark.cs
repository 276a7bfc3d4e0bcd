using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Synchronizer.Benchmarks.Harness;
using Synchronizer.Core.Canonicalization;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Hashing;
using Synchronizer.Core.Polling;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Benchmarks.Engine;

/// <summary>
/// The engine alone, on nova-like servers held in memory: what a type's snapshot costs per entity,
/// and how fast <see cref="TypeSynchronizer"/> polls (canonicalize, hash, detect, record) compared
/// with only parsing the same bytes with <see cref="JsonDocument"/>.
/// </summary>
internal sealed class EngineMemoryBenchmark : IBenchmark
{
    private const string Type = "nova.instance";

    public string Name => "engine";

    public string Description => "snapshot bytes per entity (100k nova servers) and TypeSynchronizer poll rate vs bare JsonDocument parsing";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = context.Quick ? 10_000 : 100_000;
        var records = NovaServers(count);
        var rawBytes = records.Sum(r => (long)r.Json.Length) / (double)count;

        var (snapshot, bytesPerEntity) = await MeasureSnapshotAsync(records, cancellationToken);
        var canonical = snapshot.Entities.Values.Sum(e => (long)e.Json.Length) / (double)count;
        context.Report(Name, $"snapshot bytes/entity ({count} servers)", bytesPerEntity, "B", baseline: canonical);
        context.Report(Name, "  of which canonical JSON bytes/entity", canonical, "B", baseline: rawBytes);
        context.Report(Name, "  of which overhead bytes/entity", bytesPerEntity - canonical, "B");
        var indexed = Retained(() => snapshot.Page(null, 1000)) / (double)count;
        context.Report(Name, "  get_all page index bytes/entity (once)", indexed, "B");
        GC.KeepAlive(snapshot);

        var parse = await BenchmarkContext.MedianMillisecondsAsync(3, () => ParseAllAsync(records));
        var parseRate = count / (parse / 1000);
        var canonicalize = await BenchmarkContext.MedianMillisecondsAsync(3, () => CanonicalizeAllAsync(records));
        context.Report(Name, "canonicalize+hash only entities/s", count / (canonicalize / 1000), "1/s", baseline: parseRate);
        var first = await BenchmarkContext.MedianMillisecondsAsync(3, async () =>
        {
            using var fresh = CreateSynchronizer(new ArrayPoller(records, copyIds: false));
            await fresh.PollAsync(ChangeSource.Poll, cancellationToken);
        });
        context.Report(Name, "first poll (all creates) entities/s", count / (first / 1000), "1/s", baseline: parseRate);

        using var synchronizer = CreateSynchronizer(new ArrayPoller(records, copyIds: false));
        await synchronizer.PollAsync(ChangeSource.Poll, cancellationToken);
        var steady = await BenchmarkContext.MedianMillisecondsAsync(3, () => synchronizer.PollAsync(ChangeSource.Poll, cancellationToken));
        context.Report(Name, "steady poll (no change) entities/s", count / (steady / 1000), "1/s", baseline: parseRate);
    }

    private static TypeSynchronizer CreateSynchronizer(IEntityPoller poller) =>
        new(poller, new InMemoryChangeStore(), new DiscardingPublisher(), TimeProvider.System, NullLogger.Instance);

    private static async Task<(TypeSnapshot Snapshot, double BytesPerEntity)> MeasureSnapshotAsync(EntityRecord[] records, CancellationToken cancellationToken)
    {
        await WarmUpAsync(records, cancellationToken);
        var before = Settle();
        var snapshot = await FirstSnapshotAsync(records, cancellationToken);
        var after = Settle();
        return (snapshot, (after - before) / (double)records.Length);
    }

    /// <summary>A first run fills the buffer pools and compiles the code, so that neither counts as snapshot memory.</summary>
    /// <remarks>It returns a plain task: a task holding the snapshot would stay reachable while the next one is measured.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task WarmUpAsync(EntityRecord[] records, CancellationToken cancellationToken) =>
        GC.KeepAlive(await FirstSnapshotAsync(records, cancellationToken));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<TypeSnapshot> FirstSnapshotAsync(EntityRecord[] records, CancellationToken cancellationToken)
    {
        // Everything but the snapshot (store, change log, publisher, synchronizer) is garbage when this returns.
        // Ids are copied, as a poller parsing pages allocates them, so the snapshot's own strings are counted.
        using var synchronizer = CreateSynchronizer(new ArrayPoller(records, copyIds: true));
        await synchronizer.PollAsync(ChangeSource.Poll, cancellationToken);
        return synchronizer.Current;
    }

    private static Task ParseAllAsync(EntityRecord[] records)
    {
        foreach (var record in records)
        {
            using var document = JsonDocument.Parse(record.Json);
            _ = document.RootElement.ValueKind;
        }

        return Task.CompletedTask;
    }

    private static Task CanonicalizeAllAsync(EntityRecord[] records)
    {
        var volatileFields = new HashSet<string>(["updated", "progress"], StringComparer.Ordinal);
        foreach (var record in records)
        {
            _ = ContentHash.Of(CanonicalJson.Canonicalize(record.Json.Span, volatileFields));
        }

        return Task.CompletedTask;
    }

    private static long Retained<T>(Func<T> allocate)
    {
        var before = Settle();
        var kept = allocate();
        var after = Settle();
        GC.KeepAlive(kept);
        return after - before;
    }

    private static long Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static EntityRecord[] NovaServers(int count)
    {
        var random = new Random(42);
        var records = new EntityRecord[count];
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            var id = new Guid(bytes).ToString("D");
            var tenant = $"{random.Next(50):x32}";
            var status = random.Next(10) == 0 ? "SHUTOFF" : "ACTIVE";
            var json = $$"""
                {"accessIPv4":"","accessIPv6":"","addresses":{"private":[{"addr":"10.0.{{i / 250 % 250}}.{{i % 250}}","OS-EXT-IPS-MAC:mac_addr":"fa:16:3e:{{random.Next(256):x2}}:{{random.Next(256):x2}}:{{random.Next(256):x2}}","OS-EXT-IPS:type":"fixed","version":4}]},
                "created":"2026-0{{1 + (i % 9)}}-03T04:01:32Z","description":null,"locked":false,"locked_reason":null,
                "flavor":{"disk":20,"ephemeral":0,"extra_specs":{"hw:cpu_policy":"shared"},"original_name":"m1.small","ram":2048,"swap":0,"vcpus":1},
                "hostId":"{{random.Next():x8}}{{random.Next():x8}}{{random.Next():x8}}{{random.Next():x8}}","id":"{{id}}",
                "image":{"id":"70a599e0-31e7-49b7-b260-868f441e862b","links":[{"href":"http://openstack.example.com/images/70a599e0-31e7-49b7-b260-868f441e862b","rel":"bookmark"}]},
                "key_name":"ops","links":[{"href":"http://openstack.example.com/v2.1/servers/{{id}}","rel":"self"},{"href":"http://openstack.example.com/servers/{{id}}","rel":"bookmark"}],
                "metadata":{"role":"web","index":"{{i}}"},"name":"server-{{i:D6}}","config_drive":"","OS-DCF:diskConfig":"AUTO","OS-EXT-AZ:availability_zone":"nova",
                "OS-EXT-SRV-ATTR:hostname":"server-{{i:D6}}","OS-EXT-STS:power_state":1,"OS-EXT-STS:task_state":null,"OS-EXT-STS:vm_state":"{{status.ToLowerInvariant()}}",
                "os-extended-volumes:volumes_attached":[],"OS-SRV-USG:launched_at":"2026-01-03T04:01:40.880302","OS-SRV-USG:terminated_at":null,"pinned_availability_zone":null,
                "progress":0,"security_groups":[{"name":"default"}],"server_groups":[],"status":"{{status}}","tags":["bench"],"tenant_id":"{{tenant}}",
                "trusted_image_certificates":null,"updated":"2026-01-03T04:01:41Z","user_id":"{{tenant}}"}
                """;
            records[i] = new EntityRecord(id, Encoding.UTF8.GetBytes(json));
        }

        return records;
    }

    private sealed class ArrayPoller(EntityRecord[] records, bool copyIds) : IEntityPoller
    {
        public EntityTypeDescriptor Descriptor { get; } = new(Type, ["updated", "progress"], TimeSpan.FromMinutes(1));

        public async IAsyncEnumerable<EntityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var record in records)
            {
                yield return copyIds ? record with { Id = new string(record.Id.AsSpan()) } : record;
            }
        }
    }

    private sealed class DiscardingPublisher : IChangePublisher
    {
        public Task PublishAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
