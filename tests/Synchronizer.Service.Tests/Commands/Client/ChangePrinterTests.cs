using System.Text.Json;
using Synchronizer.Client.Rpc;
using Synchronizer.Client.Watching;
using Synchronizer.Service.Commands;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public class ChangePrinterTests
{
    private static readonly string[] Types = ["nova.instance", "heat.stack"];

    [Fact]
    public async Task PrintAsync_Redirected_OnePlainLinePerNotificationInOrder()
    {
        var console = new TestConsole(outputRedirected: true);

        var code = await ChangePrinter.PrintAsync(
            Notifications.Stream(Notifications.Of("nova.instance", "a", ChangeAction.Create, 1, "one"), Notifications.Of("heat.stack", "b", ChangeAction.Delete, 2)),
            Types,
            json: false,
            console.Console,
            TimeProvider.System,
            CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Collection(
            console.OutputLines,
            l => Assert.Matches(@"^10:15:30\.123  nova\.instance  create  a\s+one\s+r1$", l),
            l => Assert.Matches(@"^10:15:30\.123  heat\.stack     delete  b\s+r2$", l));
    }

    [Fact]
    public async Task PrintAsync_Json_TheWholeOsloMessageOnOneLine()
    {
        var console = new TestConsole();

        await ChangePrinter.PrintAsync(Notifications.Stream(Notifications.Of("nova.instance", "a", ChangeAction.Update, 5)), Types, json: true, console.Console, TimeProvider.System, CancellationToken.None);

        var line = Assert.Single(console.OutputLines);
        using var message = JsonDocument.Parse(line);
        Assert.Equal("nova.instance.update", message.RootElement.GetProperty("event_type").GetString());
        Assert.Equal(5, message.RootElement.GetProperty("payload").GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task PrintAsync_TerminalWithoutColours_PlainLines()
    {
        var console = new TestConsole(outputRedirected: false);

        await ChangePrinter.PrintAsync(Notifications.Stream(Notifications.Of("nova.instance", "a", ChangeAction.Update, 5, "[x]")), Types, json: false, console.Console, TimeProvider.System, CancellationToken.None);

        Assert.Matches(@"^10:15:30\.123  nova\.instance  update  a\s+\[x\]\s+r5$", Assert.Single(console.OutputLines));
    }

    [Fact]
    public async Task PrintAsync_CtrlC_StopsWithExitCodeOk()
    {
        var console = new TestConsole();
        using var stop = new CancellationTokenSource();

        var code = await ChangePrinter.PrintAsync(UntilCancelled(stop), Types, json: false, console.Console, TimeProvider.System, stop.Token);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Single(console.OutputLines);
    }

    private static async IAsyncEnumerable<ChangeNotification> UntilCancelled(CancellationTokenSource stop)
    {
        yield return Notifications.Of("nova.instance", "a", ChangeAction.Create, 1);
        await stop.CancelAsync();
        await Task.Delay(Timeout.Infinite, stop.Token);
        yield break;
    }
}
