using System.CommandLine;
using Synchronizer.Service.Configuration.Validation;

namespace Synchronizer.Service.Commands;

/// <summary>
/// <c>synchronizer check-config</c>: validates the configuration <c>serve</c> would read, reporting
/// every problem on its own line (section, key, fix) and exiting with 2, or <c>configuration OK</c> and 0.
/// </summary>
internal static class CheckConfigCommand
{
    public static Command Create()
    {
        var command = new Command("check-config", "Validate the configuration: one line per problem naming section, key and fix; exit code 2 when there is any.");
        command.Options.Add(ConfigOptions.Files);
        command.Options.Add(ConfigOptions.Dirs);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = parse.GetValue(ConfigOptions.Files) ?? [];
            var dirs = parse.GetValue(ConfigOptions.Dirs) ?? [];
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var (_, report) = ConfigurationCheck.Run(files, dirs);
                if (!report.IsValid)
                {
                    await ConfigurationCheck.WriteProblemsAsync(error, report, "configuration invalid");
                    return ExitCodes.InvalidConfiguration;
                }

                await output.WriteLineAsync("configuration OK");
                await output.WriteLineAsync(report.Summary());
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug of the check itself: one line, never a stack trace (which could quote a value).
                await error.WriteLineAsync($"synchronizer: check-config failed: {ex.GetType().Name}: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
