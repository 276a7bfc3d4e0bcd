using System.CommandLine;

namespace Synchronizer.Service.Tests.Commands;

/// <summary>Runs a command as <c>synchronizer</c> would, through a root command, capturing what it writes.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    public static async Task<CommandRun> InvokeAsync(Command command, params string[] args)
    {
        var root = new RootCommand("test") { command };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
