using NSubstitute;
using Synchronizer.Client.Rpc;
using Synchronizer.Service.Commands;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public class StatusCommandTests
{
    private readonly ISynchronizerRpc _rpc = Substitute.For<ISynchronizerRpc>();
    private readonly TestConsole _console = new();

    public StatusCommandTests() =>
        _rpc.ListTypesAsync(Arg.Any<CancellationToken>()).Returns([new EntityTypeStatus("nova.instance", 5, 3, null, null, null)]);

    [Fact]
    public async Task RunAsync_Table_AsksListTypesAndShowsTheIntervals()
    {
        var code = await StatusCommand.RunAsync(_rpc, json: false, () => new Dictionary<string, TimeSpan> { ["nova.instance"] = TimeSpan.FromMinutes(5) }, _console.Console, TimeProvider.System, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"^nova\.instance\s+3\s+5\s+never\s+–\s+5 min$", _console.OutputLines.Single(l => l.StartsWith("nova.instance", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_Json_PrintsJsonAndNeverReadsTheIntervals()
    {
        var code = await StatusCommand.RunAsync(_rpc, json: true, () => throw new InvalidOperationException("not needed"), _console.Console, TimeProvider.System, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("{\"types\":[{\"entity_type\":\"nova.instance\"", _console.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status", false, 30)]
    [InlineData("status --json --timeout 5 --config-file a.conf --config-file b.conf", true, 5)]
    public void Create_CommandLine_Parses(string commandLine, bool json, int timeout)
    {
        var command = StatusCommand.Create(_console.Console, TimeProvider.System);
        var root = new System.CommandLine.RootCommand { command };

        var parse = root.Parse(commandLine);

        Assert.Empty(parse.Errors);
        Assert.Equal(json, parse.GetValue<bool>("--json"));
        Assert.Equal(timeout, parse.GetValue<int>("--timeout"));
    }

    [Theory]
    [InlineData("status --timeout 0")]
    [InlineData("status nova.instance")]
    public void Create_BadCommandLine_ParseError(string commandLine)
    {
        var root = new System.CommandLine.RootCommand { StatusCommand.Create(_console.Console, TimeProvider.System) };

        Assert.NotEmpty(root.Parse(commandLine).Errors);
    }
}
