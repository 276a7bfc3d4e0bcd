using System.CommandLine;

namespace Synchronizer.Service.Commands;

/// <summary>The <c>--config-file</c> and <c>--config-dir</c> options every command that reads configuration takes.</summary>
internal static class ConfigOptions
{
    public static Option<string[]> Files { get; } = new("--config-file")
    {
        Description = "An oslo-style INI configuration file; repeatable, later files win.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string[]> Dirs { get; } = new("--config-dir")
    {
        Description = "A directory whose *.conf files are read in name order after the --config-file files; repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
    };
}
