using System.Text.Json;
using Synchronizer.Client.Rpc;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public class SyncViewTests
{
    private static readonly SyncResult Servers = new("nova.instance", "ok", null, 1050, 3, 5, 0, 1250);
    private static readonly SyncResult Volumes = new("cinder.volume", "queued", null, null, 0, 0, 0, 0);
    private static readonly SyncResult Stacks = new("heat.stack", "failed", "heat answered 503 on GET /stacks", 12, 0, 0, 0, 80);

    [Fact]
    public void Render_NoErrors_CountsPerTypeAndNoErrorColumn()
    {
        var console = new TestConsole();

        SyncView.Render([Servers, Volumes], console.Console.OutputConsole);

        var lines = console.OutputLines;
        Assert.Contains(lines, l => l.StartsWith("TYPE", StringComparison.Ordinal) && l.Contains("DURATION", StringComparison.Ordinal) && !l.Contains("ERROR", StringComparison.Ordinal));
        Assert.Matches(@"^nova\.instance\s+ok\s+3\s+5\s+0\s+1050\s+1 s$", lines.Single(l => l.StartsWith("nova.instance", StringComparison.Ordinal)));
        Assert.Matches(@"^cinder\.volume\s+queued$", lines.Single(l => l.StartsWith("cinder.volume", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_AFailedSync_ShowsTheErrorColumnWithItsMessage()
    {
        var console = new TestConsole();

        SyncView.Render([Servers, Stacks], console.Console.OutputConsole);

        Assert.Contains(console.OutputLines, l => l.StartsWith("TYPE", StringComparison.Ordinal) && l.Contains("ERROR", StringComparison.Ordinal));
        Assert.Matches(@"^heat\.stack\s+failed\s+0\s+0\s+0\s+12\s+80 ms\s+heat answered 503 on GET /stacks$", console.OutputLines.Single(l => l.StartsWith("heat.stack", StringComparison.Ordinal)));
    }

    [Fact]
    public void WriteJson_Results_OneLineWithTheContractsFieldNamesAndNulls()
    {
        var console = new TestConsole();

        SyncView.WriteJson([Servers, Volumes], console.Console.Output);

        using var json = JsonDocument.Parse(Assert.Single(console.OutputLines));
        var results = json.RootElement.GetProperty("results");
        Assert.Equal(["entity_type", "status", "error", "revision", "created", "updated", "deleted", "duration_ms"], results[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal((1050, 3, 1250), (results[0].GetProperty("revision").GetInt64(), results[0].GetProperty("created").GetInt64(), results[0].GetProperty("duration_ms").GetInt64()));
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("revision").ValueKind);
    }
}
