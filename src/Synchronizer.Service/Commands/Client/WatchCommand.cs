using System.CommandLine;
using Synchronizer.Client;

namespace Synchronizer.Service.Commands.Client;

/// <summary>
/// <c>synchronizer watch [TYPE...]</c>: prints every change notification of some types as it is
/// published, from a queue of its own, until Ctrl-C.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CliConsole console, TimeProvider time)
    {
        var types = new Argument<string[]>("TYPE")
        {
            Description = "The entity types to watch, for example nova.instance; every type the service serves when left out.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = ClientCommandOptions.Json("Print each notification as received: the whole oslo message (event_type, timestamp, payload, …) as one JSON line.");
        var timeout = ClientCommandOptions.Timeout(30);
        var command = new DocumentedCommand(
            "watch",
            "Print the changes of some entity types live, one line each: time (UTC), type, event, id, name, revision, changed fields. "
                + "Reads from a queue of its own that goes away with it, so it takes nothing from any other consumer. Runs until Ctrl-C.",
            "synchronizer watch                                  # every type the service serves",
            "synchronizer watch nova.instance cinder.volume",
            "synchronizer watch nova.instance --json | jq -c '.payload | {id, action, changed_fields}'");
        ClientCommandOptions.AddConfiguration(command);
        command.Arguments.Add(types);
        command.Options.Add(json);
        command.Options.Add(timeout);
        command.SetAction((parse, cancellationToken) => ClientCommandRunner.RunAsync(
            parse,
            timeout,
            console,
            (client, settings, ct) => RunAsync(client, settings, parse.GetValue(types) ?? [], parse.GetValue(json), console, time, ct),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        SynchronizerClient client, ClientSettings settings, string[] requested, bool json, CliConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        var named = requested.Distinct(StringComparer.Ordinal).ToArray();

        // Named types are subscribed before they are checked, so that nothing published meanwhile is missed.
        var watcher = named.Length > 0 ? await client.WatchAsync(named, cancellationToken) : null;
        try
        {
            var check = await WatchTypes.ResolveAsync(client.Rpc, named, settings, console, cancellationToken);
            if (check.Types is not { } resolved)
            {
                return check.ExitCode;
            }

            watcher ??= await client.WatchAsync(resolved, cancellationToken);
            await console.Error.WriteLineAsync($"synchronizer: watching {string.Join(", ", watcher.EntityTypes)} on {settings.TransportUrl} (exchange {settings.Options.ControlExchange}); Ctrl-C stops.");
            return await ChangePrinter.PrintAsync(watcher.ReadAllAsync(cancellationToken), watcher.EntityTypes, json, console, time, cancellationToken);
        }
        finally
        {
            if (watcher is not null)
            {
                await watcher.DisposeAsync();
            }
        }
    }
}
