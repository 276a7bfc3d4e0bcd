using System.Text.Json;
using Synchronizer.Client.Rpc;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public class StatusViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 16, 0, TimeSpan.Zero);

    private static readonly EntityTypeStatus Servers = new("nova.instance", 1042, 20000, "2026-11-22T10:15:30.123456Z", "ok", null);
    private static readonly EntityTypeStatus Volumes = new("cinder.volume", 0, 0, null, null, null);
    private static readonly EntityTypeStatus Stacks = new("heat.stack", 12, 3, "2026-11-22T09:16:00.000000Z", "failed", "heat answered 503 on GET /stacks");

    [Fact]
    public void Render_TypesWithoutErrors_OneRowEachAndNoErrorColumn()
    {
        var console = new TestConsole();

        StatusView.Render([Servers, Volumes], new Dictionary<string, TimeSpan> { ["nova.instance"] = TimeSpan.FromSeconds(60) }, Now, console.Console.OutputConsole);

        var lines = console.OutputLines;
        Assert.Contains(lines, l => l.StartsWith("TYPE", StringComparison.Ordinal) && l.Contains("INTERVAL", StringComparison.Ordinal) && !l.Contains("ERROR", StringComparison.Ordinal));
        Assert.Matches(@"^nova\.instance\s+20,000\s+1042\s+2026-11-22 10:15:30Z \(29 s ago\)\s+ok\s+60 s$", lines.Single(l => l.StartsWith("nova.instance", StringComparison.Ordinal)));
        Assert.Matches(@"^cinder\.volume\s+0\s+0\s+never\s+–$", lines.Single(l => l.StartsWith("cinder.volume", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_AFailedPoll_ShowsTheErrorColumnWithItsMessage()
    {
        var console = new TestConsole();

        StatusView.Render([Servers, Stacks], new Dictionary<string, TimeSpan>(), Now, console.Console.OutputConsole);

        Assert.Contains(console.OutputLines, l => l.StartsWith("TYPE", StringComparison.Ordinal) && l.Contains("ERROR", StringComparison.Ordinal));
        Assert.Matches(@"^heat\.stack\s+3\s+12\s+2026-11-22 09:16:00Z \(60 min ago\)\s+failed\s+heat answered 503 on GET /stacks$", console.OutputLines.Single(l => l.StartsWith("heat.stack", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_NoTypes_SaysSo()
    {
        var console = new TestConsole();

        StatusView.Render([], new Dictionary<string, TimeSpan>(), Now, console.Console.OutputConsole);

        Assert.Contains("serves no entity type", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteJson_Types_OneLineWithTheContractsFieldNames()
    {
        var console = new TestConsole();

        StatusView.WriteJson([Servers, Volumes], console.Console.Output);

        var line = Assert.Single(console.OutputLines);
        using var json = JsonDocument.Parse(line);
        var types = json.RootElement.GetProperty("types");
        Assert.Equal(2, types.GetArrayLength());
        var first = types[0];
        Assert.Equal(["entity_type", "revision", "count", "last_poll_at", "last_poll_status", "last_error"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("nova.instance", 1042, 20000, "2026-11-22T10:15:30.123456Z", "ok"), (first.GetProperty("entity_type").GetString(), first.GetProperty("revision").GetInt64(), first.GetProperty("count").GetInt64(), first.GetProperty("last_poll_at").GetString(), first.GetProperty("last_poll_status").GetString()));
        Assert.Equal(JsonValueKind.Null, types[1].GetProperty("last_poll_at").ValueKind);
    }

    [Theory]
    [InlineData(null, "never")]
    [InlineData("2026-11-22T10:15:59.500000Z", "2026-11-22 10:15:59Z (500 ms ago)")]
    [InlineData("2026-11-21T08:00:00Z", "2026-11-21 08:00:00Z (26 h 16 min ago)")]
    [InlineData("2026-11-22T10:17:00Z", "2026-11-22 10:17:00Z")]
    [InlineData("soon", "soon")]
    public void LastPoll_ServiceText_TimeWithItsAge(string? lastPollAt, string expected)
    {
        Assert.Equal(expected, StatusView.LastPoll(lastPollAt, Now));
    }
}
