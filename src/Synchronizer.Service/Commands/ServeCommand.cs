using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Synchronizer.Service.Configuration;
using Synchronizer.Service.Hosting;

namespace Synchronizer.Service.Commands;

/// <summary><c>synchronizer serve</c>: runs the service until SIGTERM or Ctrl-C.</summary>
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
            return await RunAsync(files, dirs, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] files, string[] dirs, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            var configuration = SynchronizerConfigurationBuilder.Build(files, dirs);
            host = SynchronizerHost.Build(configuration);
        }
        catch (Exception ex) when (ex is ConfigurationFileException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"synchronizer: invalid configuration: {ex.Message}");
            return ExitCodes.InvalidConfiguration;
        }

        try
        {
            await host.RunAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"synchronizer: invalid configuration: {ex.Message}");
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
