using System.CommandLine;
using NSubstitute;
using Synchronizer.Client.Rpc;
using Synchronizer.Service.Commands;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public class SyncCommandTests
{
    private static readonly SyncResult Ok = new("nova.instance", "ok", null, 44, 1, 2, 3, 1500);
    private static readonly SyncResult Failed = new("heat.stack", "failed", "heat answered 503", 12, 0, 0, 0, 80);

    private readonly ISynchronizerRpc _rpc = Substitute.For<ISynchronizerRpc>();
    private readonly TestConsole _console = new();

    [Fact]
    public async Task RunAsync_EveryTypeOk_CallsSyncOfAllAndShowsTheCounts()
    {
        _rpc.SyncAsync(null, true, Arg.Any<CancellationToken>()).Returns([Ok]);

        var code = await SyncCommand.RunAsync(_rpc, new SyncRequest(null, Wait: true, Json: false), _console.Console, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"^nova\.instance\s+ok\s+1\s+2\s+3\s+44\s+1 s$", _console.OutputLines.Single(l => l.StartsWith("nova.instance", StringComparison.Ordinal)));
        Assert.DoesNotContain("ERROR", _console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OnePollFailed_ExitsSyncFailedAndShowsTheError()
    {
        _rpc.SyncAsync(null, true, Arg.Any<CancellationToken>()).Returns([Ok, Failed]);

        var code = await SyncCommand.RunAsync(_rpc, new SyncRequest(null, Wait: true, Json: false), _console.Console, CancellationToken.None);

        Assert.Equal(ExitCodes.SyncFailed, code);
        Assert.Matches(@"^heat\.stack\s+failed\s+0\s+0\s+0\s+12\s+80 ms\s+heat answered 503$", _console.OutputLines.Single(l => l.StartsWith("heat.stack", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_NoWaitOneType_AsksForThatTypeWithoutWaitingAndLeavesTheCountsBlank()
    {
        _rpc.SyncAsync("nova.instance", false, Arg.Any<CancellationToken>()).Returns([new SyncResult("nova.instance", "queued", null, null, 0, 0, 0, 0)]);

        var code = await SyncCommand.RunAsync(_rpc, new SyncRequest("nova.instance", Wait: false, Json: false), _console.Console, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"^nova\.instance\s+queued$", _console.OutputLines.Single(l => l.StartsWith("nova.instance", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_Json_TheContractsSyncAnswerOnOneLine()
    {
        _rpc.SyncAsync(null, true, Arg.Any<CancellationToken>()).Returns([Failed]);

        var code = await SyncCommand.RunAsync(_rpc, new SyncRequest(null, Wait: true, Json: true), _console.Console, CancellationToken.None);

        Assert.Equal(ExitCodes.SyncFailed, code);
        Assert.Equal(
            """{"results":[{"entity_type":"heat.stack","status":"failed","error":"heat answered 503","revision":12,"created":0,"updated":0,"deleted":0,"duration_ms":80}]}""",
            Assert.Single(_console.OutputLines));
    }

    [Theory]
    [InlineData("sync", null, false, 600)]
    [InlineData("sync nova.instance --no-wait --timeout 20", "nova.instance", true, 20)]
    public void Create_CommandLine_Parses(string commandLine, string? type, bool noWait, int timeout)
    {
        var root = new RootCommand { SyncCommand.Create(_console.Console) };

        var parse = root.Parse(commandLine);

        Assert.Empty(parse.Errors);
        Assert.Equal(type, parse.GetValue<string?>("TYPE"));
        Assert.Equal(noWait, parse.GetValue<bool>("--no-wait"));
        Assert.Equal(timeout, parse.GetValue<int>("--timeout"));
    }

    [Fact]
    public void Create_TwoTypes_ParseError()
    {
        var root = new RootCommand { SyncCommand.Create(_console.Console) };

        Assert.NotEmpty(root.Parse("sync nova.instance cinder.volume").Errors);
    }
}
