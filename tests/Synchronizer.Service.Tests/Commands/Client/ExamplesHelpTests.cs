using System.CommandLine;
using Synchronizer.Service.Commands;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public class ExamplesHelpTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("sync")]
    [InlineData("get-all")]
    [InlineData("watch")]
    public void Invoke_HelpOfAClientCommand_TheLibrarysHelpThenItsExamples(string command)
    {
        var output = new StringWriter();
        var root = Root(new TestConsole().Console);

        var code = root.Parse($"{command} --help").Invoke(new InvocationConfiguration { Output = output });

        var text = output.ToString();
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Usage:", text, StringComparison.Ordinal);
        Assert.Contains("--config-file", text, StringComparison.Ordinal);
        Assert.Contains($"Examples:{Environment.NewLine}  synchronizer {command}", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Options:", StringComparison.Ordinal) < text.IndexOf("Examples:", StringComparison.Ordinal));
    }

    [Fact]
    public void Invoke_HelpOfACommandWithoutExamples_OnlyTheLibrarysHelp()
    {
        var output = new StringWriter();
        var root = Root(new TestConsole().Console);
        root.Subcommands.Add(new Command("plain", "No examples here."));

        root.Parse("plain --help").Invoke(new InvocationConfiguration { Output = output });

        Assert.Contains("No examples here.", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Examples:", output.ToString(), StringComparison.Ordinal);
    }

    private static RootCommand Root(CliConsole console)
    {
        var root = new RootCommand
        {
            StatusCommand.Create(console, TimeProvider.System),
            SyncCommand.Create(console),
            GetAllCommand.Create(console),
            WatchCommand.Create(console, TimeProvider.System),
        };
        ExamplesHelp.Install(root);
        return root;
    }
}
