using Spectre.Console;
using Synchronizer.Client.Watching;

namespace Synchronizer.Service.Commands.Client;

/// <summary>Prints change notifications as they come: aligned lines for people, raw JSON lines for tools.</summary>
internal static class ChangePrinter
{
    /// <summary>Prints until the notifications end or Ctrl-C.</summary>
    /// <param name="notifications">The notifications, as a <see cref="ChangeWatcher"/> reads them.</param>
    /// <param name="entityTypes">The types watched, for the width of the type column.</param>
    /// <param name="json">Whether to print the oslo messages as JSON lines.</param>
    /// <param name="console">Standard output: coloured on a colour terminal, plain otherwise.</param>
    /// <param name="time">The clock, for a notification without a timestamp.</param>
    /// <param name="cancellationToken">Ctrl-C: the normal way to stop, so it ends with <see cref="ExitCodes.Ok"/>.</param>
    public static async Task<int> PrintAsync(
        IAsyncEnumerable<ChangeNotification> notifications, IReadOnlyList<string> entityTypes, bool json, CliConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(entityTypes);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(time);
        var line = new ChangeLine(entityTypes.Count == 0 ? 0 : entityTypes.Max(t => t.Length));

        // Spectre decided whether this terminal takes colours (it honours NO_COLOR); a file or a pipe never does.
        var capabilities = console.OutputConsole.Profile.Capabilities;
        var colour = !console.OutputRedirected && capabilities.Ansi && capabilities.ColorSystem != ColorSystem.NoColors;
        try
        {
            await foreach (var notification in notifications.WithCancellation(cancellationToken))
            {
                if (json)
                {
                    await console.Output.WriteLineAsync(JsonLines.Write(notification.Message));
                }
                else
                {
                    await console.Output.WriteLineAsync(colour ? line.Coloured(notification, time.GetUtcNow()) : line.Plain(notification, time.GetUtcNow()));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: watching ends as asked.
        }

        return ExitCodes.Ok;
    }
}
