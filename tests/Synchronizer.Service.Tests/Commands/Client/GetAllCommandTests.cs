using System.CommandLine;
using System.Text.Json;
using NSubstitute;
using Synchronizer.Client.Replication;
using Synchronizer.Client.Rpc;
using Synchronizer.Service.Commands;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public class GetAllCommandTests
{
    private const string Type = "nova.instance";
    private readonly ISynchronizerRpc _rpc = Substitute.For<ISynchronizerRpc>();

    public GetAllCommandTests()
    {
        Answer(null, Page("m1", "a", "b"));
        Answer("m1", Page("m2", "c", "d"));
        Answer("m2", Page(null, "e"));
    }

    [Fact]
    public async Task RunAsync_JsonLines_OneLinePerEntityOfEveryPageAndTheSummaryOnStandardError()
    {
        var console = new TestConsole();

        var code = await GetAllCommand.RunAsync(_rpc, Request(SnapshotOutput.JsonLines), console.Console, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        var lines = console.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["a", "b", "c", "d", "e"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(["id", "revision", "hash", "entity"], lines[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("name-c", lines[2].GetProperty("entity").GetProperty("name").GetString());
        Assert.Equal("nova.instance: 5 entities at revision 9", console.Error.Trim());
    }

    [Fact]
    public async Task RunAsync_Limit_StopsReadingOnceReachedAndSaysItWasCut()
    {
        var console = new TestConsole();

        await GetAllCommand.RunAsync(_rpc, Request(SnapshotOutput.JsonLines) with { Limit = 3 }, console.Console, CancellationToken.None);

        Assert.Equal(3, console.OutputLines.Length);
        Assert.Contains("first 3 entities", console.Error, StringComparison.Ordinal);
        await _rpc.DidNotReceive().GetAllAsync(Type, "m2", Arg.Any<int>(), Arg.Any<string?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunAsync_LimitAtTheVeryEnd_NotCut()
    {
        var console = new TestConsole();

        await GetAllCommand.RunAsync(_rpc, Request(SnapshotOutput.JsonLines) with { Limit = 5 }, console.Console, CancellationToken.None);

        Assert.Equal("nova.instance: 5 entities at revision 9", console.Error.Trim());
    }

    [Fact]
    public async Task RunAsync_Table_RowsWithNameRevisionHashAndTheSnapshotRevisionInTheCaption()
    {
        var console = new TestConsole();

        await GetAllCommand.RunAsync(_rpc, Request(SnapshotOutput.Table), console.Console, CancellationToken.None);

        Assert.Matches(@"^c\s+name-c\s+3\s+xxh3-64:000000000000000c$", console.OutputLines.Single(l => l.StartsWith("c ", StringComparison.Ordinal)));
        Assert.Contains("nova.instance: 5 entities at revision 9", console.Output, StringComparison.Ordinal);
        Assert.Empty(console.Error);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task RunAsync_NoOutputGiven_JsonLinesWhenRedirectedElseTable(bool redirected, bool jsonLines)
    {
        var console = new TestConsole(outputRedirected: redirected);

        await GetAllCommand.RunAsync(_rpc, Request(null), console.Console, CancellationToken.None);

        Assert.Equal(jsonLines, console.OutputLines[0].StartsWith('{'));
        Assert.Equal(jsonLines, console.OutputLines.All(l => l.StartsWith('{')));
    }

    [Fact]
    public async Task RunAsync_PageSizeAndProject_PassedToEveryCall()
    {
        await GetAllCommand.RunAsync(_rpc, Request(SnapshotOutput.JsonLines) with { PageSize = 2, ProjectId = "p1" }, new TestConsole().Console, CancellationToken.None);

        await _rpc.Received(3).GetAllAsync(Type, Arg.Any<string?>(), 2, "p1", Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("get-all nova.instance", null, null, 1000)]
    [InlineData("get-all nova.instance -o jsonl --limit 10 --page-size 50", "jsonl", 10, 50)]
    [InlineData("get-all nova.instance --output table", "table", null, 1000)]
    public void Create_CommandLine_Parses(string commandLine, string? output, int? limit, int pageSize)
    {
        var root = new RootCommand { GetAllCommand.Create(new TestConsole().Console) };

        var parse = root.Parse(commandLine);

        Assert.Empty(parse.Errors);
        Assert.Equal(Type, parse.GetValue<string>("TYPE"));
        Assert.Equal(output, parse.GetValue<string?>("--output"));
        Assert.Equal(limit, parse.GetValue<int?>("--limit"));
        Assert.Equal(pageSize, parse.GetValue<int>("--page-size"));
    }

    [Fact]
    public void ParseOutput_Names_TheirOutputs()
    {
        Assert.Equal<SnapshotOutput?>(
            [SnapshotOutput.Table, SnapshotOutput.JsonLines, null],
            [GetAllCommand.ParseOutput("table"), GetAllCommand.ParseOutput("jsonl"), GetAllCommand.ParseOutput(null)]);
    }

    [Theory]
    [InlineData("get-all")]
    [InlineData("get-all nova.instance --output xml")]
    [InlineData("get-all nova.instance --limit 0")]
    [InlineData("get-all nova.instance --page-size 5001")]
    public void Create_BadCommandLine_ParseError(string commandLine)
    {
        var root = new RootCommand { GetAllCommand.Create(new TestConsole().Console) };

        Assert.NotEmpty(root.Parse(commandLine).Errors);
    }

    private static GetAllRequest Request(SnapshotOutput? output) => new(Type, output, null, GetAllCommand.DefaultPageSize, null);

    private static SnapshotPage Page(string? next, params string[] ids) =>
        new(Type, 9, [.. ids.Select(id => new ReplicaEntity(id, id[0] - 'a' + 1, $"xxh3-64:{new string('0', 15)}{id}", JsonDocument.Parse($$"""{"id": "{{id}}", "name": "name-{{id}}"}""").RootElement))], next);

    private void Answer(string? marker, SnapshotPage page) =>
        _rpc.GetAllAsync(Type, marker, Arg.Any<int>(), Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(page);
}
