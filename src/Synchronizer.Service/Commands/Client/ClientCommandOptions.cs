using System.CommandLine;

namespace Synchronizer.Service.Commands.Client;

/// <summary>The options every command that talks to a running service takes.</summary>
internal static class ClientCommandOptions
{
    /// <summary>Adds <c>--config-file</c> and <c>--config-dir</c>: the same configuration as <c>synchronizer serve</c>.</summary>
    public static void AddConfiguration(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(ConfigOptions.Files);
        command.Options.Add(ConfigOptions.Dirs);
    }

    /// <summary>A <c>--timeout SECONDS</c> option: how long one call to the service may take.</summary>
    /// <param name="defaultSeconds">The default, which differs per command (a sync waits for polls).</param>
    public static Option<int> Timeout(int defaultSeconds)
    {
        var option = new Option<int>("--timeout")
        {
            Description = $"Seconds to wait for the service's answer. A service that stops sending keep-alives is given up after {ClientSettings.CallMonitorTimeout.TotalSeconds:0} s anyway.",
            DefaultValueFactory = _ => defaultSeconds,
            HelpName = "SECONDS",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--timeout must be at least 1 second.");
            }
        });
        return option;
    }

    /// <summary>A <c>--json</c> switch: machine-readable output instead of a table.</summary>
    /// <param name="description">What the JSON holds.</param>
    public static Option<bool> Json(string description) => new("--json") { Description = description };
}
