using System.CommandLine;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Service.Commands.Client;

/// <summary><c>synchronizer sync [TYPE]</c>: asks the running service to poll now (<c>sync</c>) and shows what each poll found.</summary>
internal static class SyncCommand
{
    public static Command Create(CliConsole console)
    {
        var type = new Argument<string?>("TYPE")
        {
            Description = "The entity type to poll, for example nova.instance; every type when left out.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var noWait = new Option<bool>("--no-wait") { Description = "Only queue the polls and return at once (the results say 'queued')." };
        var json = ClientCommandOptions.Json("Print the service's sync answer as one JSON object instead of a table.");
        var timeout = ClientCommandOptions.Timeout(600);
        var command = new DocumentedCommand(
            "sync",
            "Poll now, through the running service: one type or every type. Waits for the polls (a poll already running is joined, not doubled) "
                + $"and shows what each found. Exits with {ExitCodes.SyncFailed} when a poll failed.",
            "synchronizer sync                 # poll every type now and wait",
            "synchronizer sync nova.instance   # poll the servers only",
            "synchronizer sync --no-wait       # queue the polls and return");
        ClientCommandOptions.AddConfiguration(command);
        command.Arguments.Add(type);
        command.Options.Add(noWait);
        command.Options.Add(json);
        command.Options.Add(timeout);
        command.SetAction((parse, cancellationToken) => ClientCommandRunner.RunAsync(
            parse,
            timeout,
            console,
            (client, _, ct) => RunAsync(client.Rpc, new SyncRequest(parse.GetValue(type), !parse.GetValue(noWait), parse.GetValue(json)), console, ct),
            cancellationToken));
        return command;
    }

    /// <summary>Asks for the polls, waits under a spinner, shows the results.</summary>
    /// <returns><see cref="ExitCodes.Ok"/>, or <see cref="ExitCodes.SyncFailed"/> when a poll failed.</returns>
    public static async Task<int> RunAsync(ISynchronizerRpc rpc, SyncRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        var what = request.EntityType ?? "every entity type";
        var results = await WaitDisplay.For(console).StatusAsync(
            request.Wait ? $"Polling {what}…" : $"Queueing the poll of {what}…",
            () => rpc.SyncAsync(request.EntityType, request.Wait, cancellationToken));
        if (request.Json)
        {
            SyncView.WriteJson(results, console.Output);
        }
        else
        {
            SyncView.Render(results, console.OutputConsole);
        }

        return results.Any(r => r.Status == "failed") ? ExitCodes.SyncFailed : ExitCodes.Ok;
    }
}
