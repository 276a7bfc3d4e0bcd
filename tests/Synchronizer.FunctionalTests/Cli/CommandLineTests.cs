using System.Text.Json;
using Synchronizer.Client.Rpc;
using Synchronizer.FunctionalTests.Infrastructure;

namespace Synchronizer.FunctionalTests.Cli;

/// <summary>
/// <c>synchronizer status|sync|get-all|watch</c> as built, run as processes against the real service
/// (a process too) on a real broker, each compared with what the service itself answers.
/// </summary>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class CommandLineTests : IClassFixture<RunningService>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly RunningService _service;

    public CommandLineTests(RunningService service) => _service = service;

    [Fact]
    public async Task Status_Json_EqualsListTypes()
    {
        var result = await RunAsync("status", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(Assert.Single(result.OutputLines));
        var printed = json.RootElement.GetProperty("types").EnumerateArray()
            .Select(t => (t.GetProperty("entity_type").GetString()!, t.GetProperty("count").GetInt64(), t.GetProperty("last_poll_status").GetString()));
        var served = (await _service.Client.Rpc.ListTypesAsync()).Select(t => (t.EntityType, t.Count, t.LastPollStatus));
        Assert.Equal(served, printed);
    }

    [Fact]
    public async Task Status_Table_OneRowPerTypeWithItsCountAndInterval()
    {
        var result = await RunAsync("status");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^nova\.instance\s+120\s+\d+\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ \(.+ ago\)\s+ok\s+60 min$", result.OutputLines.Single(l => l.StartsWith("nova.instance", StringComparison.Ordinal)));
        Assert.Matches(@"^cinder\.volume\s+30\s", result.OutputLines.Single(l => l.StartsWith("cinder.volume", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.OutputLines, l => l.StartsWith("heat.stack", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_EveryType_PollsEachAndShowsTheResults()
    {
        var result = await RunAsync("sync", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(Assert.Single(result.OutputLines));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["cinder.volume", "nova.instance"], results.Select(r => r.GetProperty("entity_type").GetString()).Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.Equal("ok", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Sync_OneTypeAfterAChange_TableCountsTheUpdate()
    {
        var id = (await _service.Simulator.Control.GetServersAsync())[0].GetProperty("id").GetString()!;
        await _service.Simulator.Control.UpdateServerAsync(id, name: "renamed-by-sync-test");

        var result = await RunAsync("sync", "nova.instance");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^nova\.instance\s+ok\s+0\s+1\s+0\s+\d+\s+\d+ (ms|s)$", result.OutputLines.Single(l => l.StartsWith("nova.instance", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GetAll_JsonLines_EqualsTheServicesSnapshot()
    {
        var result = await RunAsync("get-all", "nova.instance", "--page-size", "17");

        Assert.True(result.ExitCode == 0, result.ToString());
        var printed = result.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var snapshot = await SnapshotAsync("nova.instance");
        Assert.Equal(RunningService.Servers, printed.Length);
        Assert.Equal(
            snapshot.Select(e => (e.Id, e.Revision, e.Hash, JsonSerializer.Serialize(e.Entity))),
            printed.Select(p => (p.GetProperty("id").GetString()!, p.GetProperty("revision").GetInt64(), p.GetProperty("hash").GetString()!, JsonSerializer.Serialize(p.GetProperty("entity")))));
        Assert.Matches(@"^nova\.instance: 120 entities at revision \d+$", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task GetAll_Table_EveryEntityARowWithItsNameAndHash()
    {
        var result = await RunAsync("get-all", "cinder.volume", "--output", "table");

        Assert.True(result.ExitCode == 0, result.ToString());
        var snapshot = await SnapshotAsync("cinder.volume");
        Assert.Equal(RunningService.Volumes, snapshot.Count);
        foreach (var volume in snapshot)
        {
            var name = volume.Entity.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var row = result.OutputLines.Single(l => l.StartsWith(volume.Id, StringComparison.Ordinal));
            Assert.EndsWith(volume.Hash, row, StringComparison.Ordinal);
            Assert.Contains(name ?? string.Empty, row, StringComparison.Ordinal);
        }

        Assert.Contains(result.OutputLines, l => l.StartsWith("cinder.volume: 30 entities at revision", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAll_Limit_TheFirstEntitiesInIdOrder()
    {
        var result = await RunAsync("get-all", "nova.instance", "--limit", "5", "--output", "jsonl");

        Assert.True(result.ExitCode == 0, result.ToString());
        var snapshot = await SnapshotAsync("nova.instance");
        Assert.Equal(snapshot.Take(5).Select(e => e.Id), result.OutputLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.Contains("first 5 entities", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_ChangeMadeInTheSimulator_AppearsAsALineAndCtrlCEndsWithZero()
    {
        await using var watch = CliProcess.Start("watch", "nova.instance", "--config-file", _service.ConfigFile);
        await watch.WaitForErrorAsync("watching nova.instance", Patience);
        var servers = await _service.Simulator.Control.GetServersAsync();
        var renamed = servers[1].GetProperty("id").GetString()!;
        var deleted = servers[2].GetProperty("id").GetString()!;
        await _service.Simulator.Control.UpdateServerAsync(renamed, name: "renamed-for-watch");
        await _service.Simulator.Control.DeleteServerAsync(deleted);
        await _service.Client.Rpc.SyncAsync("nova.instance");

        var update = await watch.WaitForLineAsync(l => l.Contains(renamed, StringComparison.Ordinal), Patience, "the rename");
        var delete = await watch.WaitForLineAsync(l => l.Contains(deleted, StringComparison.Ordinal), Patience, "the delete");
        var code = await watch.InterruptAsync(Patience);

        Assert.Matches($@"^\d\d:\d\d:\d\d\.\d{{3}}  nova\.instance  update  {renamed}  renamed-for-watch\s+r\d+  name$", update);
        Assert.Matches($@"^\d\d:\d\d:\d\d\.\d{{3}}  nova\.instance  delete  {deleted}  \S+\s+r\d+$", delete);
        Assert.Equal(0, code);
        Assert.DoesNotContain("   at ", watch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_JsonEveryType_TheNotificationAsPublished()
    {
        await using var watch = CliProcess.Start("watch", "--json", "--config-file", _service.ConfigFile);
        await watch.WaitForErrorAsync("watching cinder.volume, nova.instance", Patience);
        var id = await _service.Simulator.Control.CreateServerAsync("created-for-watch");
        await _service.Client.Rpc.SyncAsync("nova.instance");

        var line = await watch.WaitForLineAsync(l => l.Contains(id, StringComparison.Ordinal), Patience, "the create");
        await watch.InterruptAsync(Patience);

        using var message = JsonDocument.Parse(line);
        Assert.Equal("nova.instance.create", message.RootElement.GetProperty("event_type").GetString());
        var payload = message.RootElement.GetProperty("payload");
        Assert.Equal(("create", "created-for-watch"), (payload.GetProperty("action").GetString(), payload.GetProperty("entity").GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("get-all")]
    [InlineData("sync")]
    [InlineData("watch")]
    public async Task UnknownType_RpcErrorExitCodeAndOneLine(string command)
    {
        var result = await RunAsync(command, "nova.foo");

        Assert.True(result.ExitCode == 4, result.ToString());
        var line = Assert.Single(result.ErrorLines, l => !l.Contains("watching", StringComparison.Ordinal));
        Assert.StartsWith("synchronizer: UnknownEntityType: ", line, StringComparison.Ordinal);
        Assert.Contains("nova.foo", line, StringComparison.Ordinal);
        Assert.Empty(result.OutputLines);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("get-all", "nova.instance")]
    [InlineData("watch")]
    public async Task BrokerUnreachable_ServiceUnreachableExitCodeWithoutStackTraceOrPassword(params string[] command)
    {
        var config = _service.WriteConfig("unreachable.conf", "rabbit://ops:pw-never-shown@127.0.0.1:1/");

        var result = await CliProcess.RunAsync(Patience, [.. command, "--config-file", config]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("synchronizer: cannot reach the broker at rabbit://ops:***@127.0.0.1:1/: Connection refused", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task NoServiceOnTheExchange_ServiceUnreachableExitCode()
    {
        var config = Path.Combine(Path.GetDirectoryName(_service.ConfigFile)!, "elsewhere.conf");
        await File.WriteAllTextAsync(config, $"[DEFAULT]\ntransport_url = {TestBroker.TransportUrl}\ncontrol_exchange = cli-nobody-{Guid.NewGuid():N}\nrpc_topic = cli-nobody-{Guid.NewGuid():N}\n");

        var result = await CliProcess.RunAsync(Patience, "status", "--config-file", config);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.StartsWith("synchronizer: the service is not running on rabbit://", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidConfiguration_ExitCodeTwoAndOneLine()
    {
        var config = _service.WriteConfig("invalid.conf", "http://ops:pw-never-shown@127.0.0.1/");

        var result = await CliProcess.RunAsync(Patience, "status", "--config-file", config);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("synchronizer: invalid configuration: [DEFAULT] transport_url: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("pw-never-shown", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_InformationalVersionAndRuntime()
    {
        var result = await CliProcess.RunAsync(Patience, "version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^synchronizer \S+ \(\.NET \d+\.\d+\.\d+.*, [a-z]+-[a-z0-9]+\)$", Assert.Single(result.OutputLines));
    }

    private Task<CliResult> RunAsync(params string[] arguments) => CliProcess.RunAsync(Patience, [.. arguments, "--config-file", _service.ConfigFile]);

    private async Task<List<Synchronizer.Client.Replication.ReplicaEntity>> SnapshotAsync(string entityType)
    {
        var entities = new List<Synchronizer.Client.Replication.ReplicaEntity>();
        await foreach (var page in _service.Client.Rpc.ReadSnapshotAsync(entityType))
        {
            entities.AddRange(page.Entities);
        }

        return entities;
    }
}
