using System.CommandLine;
using Microsoft.Extensions.Logging;
using Synchronizer.Client;
using Synchronizer.Service.Configuration;

namespace Synchronizer.Service.Commands.Client;

/// <summary>
/// Runs a command that talks to a running service: reads the configuration, connects to the broker,
/// runs the command's body, and turns every failure into one line on standard error and an exit code.
/// </summary>
internal static class ClientCommandRunner
{
    /// <summary>Runs <paramref name="body"/> with a connected client.</summary>
    /// <param name="parse">The parsed command line, holding <c>--config-file</c> and <c>--config-dir</c>.</param>
    /// <param name="timeout">The command's <c>--timeout</c> option.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="body">The command itself; returns its exit code.</param>
    /// <param name="cancellationToken">Ctrl-C or SIGTERM.</param>
    /// <returns>The body's exit code, or one of <see cref="ExitCodes"/> for a failure.</returns>
    public static async Task<int> RunAsync(
        ParseResult parse, Option<int> timeout, CliConsole console, Func<SynchronizerClient, ClientSettings, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(body);
        ClientSettings settings;
        try
        {
            var configuration = SynchronizerConfigurationBuilder.Build(parse.GetValue(ConfigOptions.Files) ?? [], parse.GetValue(ConfigOptions.Dirs) ?? []);
            settings = ClientSettings.Read(configuration, TimeSpan.FromSeconds(parse.GetValue(timeout)));
        }
        catch (ConfigurationFileException ex)
        {
            await console.Error.WriteLineAsync($"synchronizer: invalid configuration: {ex.Message}");
            return ExitCodes.InvalidConfiguration;
        }

        // The client library's warnings (a lost connection, an unreadable message) go to standard error,
        // where they cannot corrupt JSON lines on standard output.
        using var logging = LoggerFactory.Create(b => b
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        try
        {
            await using var client = await SynchronizerClient.ConnectAsync(settings.Options, logging, cancellationToken);
            return await body(client, settings, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            // Whatever fails, the operator gets one line and an exit code, never a stack trace.
            var failure = ClientFailure.Of(ex, settings);
            await console.Error.WriteLineAsync($"synchronizer: {failure.Message}");
            return failure.ExitCode;
        }
    }
}
