using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Synchronizer.Service.Configuration.Validation;
using Synchronizer.Service.Hosting;

namespace Synchronizer.Service.Commands;

/// <summary>
/// <c>synchronizer serve</c>: validates the configuration as <c>check-config</c> does, refusing to
/// start (exit code 2, one line per problem) when it is invalid; else runs the service until SIGTERM or Ctrl-C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the synchronizer service.");
        command.Options.Add(ConfigOptions.Files);
        command.Options.Add(ConfigOptions.Dirs);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = parse.GetValue(ConfigOptions.Files) ?? [];
            var dirs = parse.GetValue(ConfigOptions.Dirs) ?? [];
            return await RunAsync(files, dirs, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] files, string[] dirs, TextWriter error, CancellationToken cancellationToken)
    {
        IConfigurationRoot? configuration;
        ConfigurationReport report;
        try
        {
            (configuration, report) = ConfigurationCheck.Run(files, dirs);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug of the check itself: refuse to start unchecked, in one line, never a stack trace.
            await error.WriteLineAsync($"synchronizer: not started, the configuration could not be checked: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failure;
        }

        if (configuration is null || !report.IsValid)
        {
            await ConfigurationCheck.WriteProblemsAsync(error, report, "synchronizer: not started, the configuration is invalid");
            return ExitCodes.InvalidConfiguration;
        }

        IHost host;
        try
        {
            host = SynchronizerHost.Build(configuration);
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync($"synchronizer: invalid configuration: {ex.Message}");
            return ExitCodes.InvalidConfiguration;
        }

        try
        {
            await host.RunAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            // The validation above runs the same rules; this is left for what only starting can show.
            await error.WriteLineAsync($"synchronizer: invalid configuration: {ex.Message}");
            return ExitCodes.InvalidConfiguration;
        }
        finally
        {
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
