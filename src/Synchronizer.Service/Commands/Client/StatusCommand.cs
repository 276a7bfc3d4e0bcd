using System.CommandLine;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Service.Commands.Client;

/// <summary><c>synchronizer status</c>: every entity type the running service serves (<c>list_types</c>).</summary>
internal static class StatusCommand
{
    public static Command Create(CliConsole console, TimeProvider time)
    {
        var json = ClientCommandOptions.Json("Print the service's list_types answer as one JSON object instead of a table.");
        var timeout = ClientCommandOptions.Timeout(30);
        var command = new DocumentedCommand(
            "status",
            "Show every entity type the running service serves: entities, revision, last poll and its result, poll interval, and the last error.",
            "synchronizer status --config-file /etc/synchronizer/synchronizer.conf",
            "synchronizer status --json | jq '.types[] | select(.last_poll_status == \"failed\")'   # the failing types");
        ClientCommandOptions.AddConfiguration(command);
        command.Options.Add(json);
        command.Options.Add(timeout);
        command.SetAction((parse, cancellationToken) => ClientCommandRunner.RunAsync(
            parse,
            timeout,
            console,
            (client, settings, ct) => RunAsync(client.Rpc, parse.GetValue(json), () => ConfiguredIntervals.Read(settings.Configuration), console, time, ct),
            cancellationToken));
        return command;
    }

    /// <summary>Asks the service and shows the answer.</summary>
    /// <param name="rpc">The service.</param>
    /// <param name="json">Whether to print JSON instead of a table.</param>
    /// <param name="intervals">The poll intervals of the local configuration, read only for the table.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="time">The clock, for the age of the last polls.</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    public static async Task<int> RunAsync(
        ISynchronizerRpc rpc, bool json, Func<IReadOnlyDictionary<string, TimeSpan>> intervals, CliConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(time);
        var types = await rpc.ListTypesAsync(cancellationToken);
        if (json)
        {
            StatusView.WriteJson(types, console.Output);
        }
        else
        {
            StatusView.Render(types, intervals(), time.GetUtcNow(), console.OutputConsole);
        }

        return ExitCodes.Ok;
    }
}
