using Spectre.Console;

namespace Synchronizer.Service.Commands.Client;

/// <summary>
/// Where a client command writes: results on standard output (plain text for JSON lines, Spectre for
/// tables), one-line errors, notes and progress on standard error.
/// </summary>
/// <param name="Output">Standard output as plain text: JSON and change lines go here, never wrapped.</param>
/// <param name="Error">Standard error as plain text: error lines and notes.</param>
/// <param name="OutputConsole">Standard output for Spectre tables and colours.</param>
/// <param name="ErrorConsole">Standard error for Spectre's status and progress displays.</param>
/// <param name="OutputRedirected">Whether standard output goes to a file or a pipe (then plain, machine-friendly output is the default).</param>
/// <param name="ErrorInteractive">Whether standard error is a terminal, the only place a live display belongs.</param>
internal sealed record CliConsole(TextWriter Output, TextWriter Error, IAnsiConsole OutputConsole, IAnsiConsole ErrorConsole, bool OutputRedirected, bool ErrorInteractive)
{
    // Wide enough that a table written to a file or a pipe is not wrapped at 80 columns.
    private const int RedirectedWidth = 240;

    /// <summary>The process's own console.</summary>
    public static CliConsole FromSystemConsole()
    {
        var outputRedirected = Console.IsOutputRedirected;
        var errorRedirected = Console.IsErrorRedirected;
        return new CliConsole(
            Console.Out,
            Console.Error,
            Create(Console.Out, outputRedirected),
            Create(Console.Error, errorRedirected),
            outputRedirected,
            !errorRedirected);
    }

    /// <summary>A Spectre console over a writer: colours and live displays on a terminal only.</summary>
    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
