using Synchronizer.Client.Rpc;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public class ChangeLineTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 22, 11, 0, 0, TimeSpan.Zero);
    private readonly ChangeLine _line = new(TypeWidth: "cinder.volume".Length);

    [Fact]
    public void Plain_Update_TimeTypeEventIdNameRevisionFields()
    {
        var notification = Notifications.Of("nova.instance", "9168b536-cd40-4630-b43f-b259807c6e87", ChangeAction.Update, 1042, "web-1", ["status", "OS-EXT-STS:vm_state"]);

        Assert.Equal(
            "10:15:30.123  nova.instance  update  9168b536-cd40-4630-b43f-b259807c6e87  web-1                     r1042  status,OS-EXT-STS:vm_state",
            _line.Plain(notification, Received));
    }

    [Fact]
    public void Plain_DeleteWithoutNameNorTimestamp_BlankNameAndTheTimeItArrived()
    {
        var notification = Notifications.Of("heat.stack", "s-1", ChangeAction.Delete, 7) with { PublishedAt = null };

        Assert.Equal(
            "11:00:00.000  heat.stack     delete  s-1                                                             r7",
            _line.Plain(notification, Received));
    }

    [Theory]
    [InlineData(ChangeAction.Create, "\u001b[32mcreate\u001b[0m")]
    [InlineData(ChangeAction.Update, "\u001b[33mupdate\u001b[0m")]
    [InlineData(ChangeAction.Delete, "\u001b[31mdelete\u001b[0m")]
    public void Coloured_Action_OnlyTheEventColoured(ChangeAction action, string expectedEvent)
    {
        var notification = Notifications.Of("nova.instance", "a", action, 1, "[prod] db");

        var coloured = _line.Coloured(notification, Received);

        Assert.Contains($"nova.instance  {expectedEvent}  a ", coloured, StringComparison.Ordinal);
        Assert.Equal(_line.Plain(notification, Received), coloured.Replace(expectedEvent, expectedEvent[5..^4], StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_NameWithControlCharacters_ReplacedSoTheTerminalIsSafe()
    {
        var notification = Notifications.Of("nova.instance", "a", ChangeAction.Create, 1, "evil\u001b[2J\nname");

        var line = _line.Plain(notification, Received);

        Assert.DoesNotContain(line, char.IsControl);
        Assert.Contains("evil\uFFFD[2J\uFFFDname", line, StringComparison.Ordinal);
    }
}
