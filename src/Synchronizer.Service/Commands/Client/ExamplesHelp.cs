using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Synchronizer.Service.Commands.Client;

/// <summary>
/// <c>--help</c> as System.CommandLine writes it, followed by an "Examples:" section for a
/// <see cref="DocumentedCommand"/> (the library's help layout is not public, so the section is appended).
/// </summary>
internal sealed class ExamplesHelp : SynchronousCommandLineAction
{
    private readonly HelpAction _help = new();

    /// <summary>Gets a value indicating whether parse errors are ignored, as for the built-in help: <c>sync --help</c> works without its arguments.</summary>
    public override bool ClearsParseErrors => true;

    /// <summary>Replaces the action of the root's help option, which serves every subcommand.</summary>
    /// <param name="root">The root command.</param>
    public static void Install(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            option.Action = new ExamplesHelp();
        }
    }

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exitCode = _help.Invoke(parseResult);
        if (parseResult.CommandResult.Command is DocumentedCommand { Examples.Count: > 0 } command)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in command.Examples)
            {
                output.WriteLine($"  {example}");
            }

            output.WriteLine();
        }

        return exitCode;
    }
}
