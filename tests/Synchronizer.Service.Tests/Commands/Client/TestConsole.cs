using System.Text;
using Spectre.Console;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

/// <summary>A <see cref="CliConsole"/> over string writers: no colours, no live display, a fixed width.</summary>
internal sealed class TestConsole
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    public TestConsole(bool outputRedirected = true)
    {
        var output = new StringWriter(_output);
        var error = new StringWriter(_error);
        Console = new CliConsole(output, error, Plain(output), Plain(error), outputRedirected, ErrorInteractive: false);
    }

    public CliConsole Console { get; }

    public string Output => _output.ToString();

    public string Error => _error.ToString();

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IAnsiConsole Plain(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        return console;
    }
}
