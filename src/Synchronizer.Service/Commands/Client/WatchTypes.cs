using Synchronizer.Client.Rpc;

namespace Synchronizer.Service.Commands.Client;

/// <summary>Decides which types <c>synchronizer watch</c> watches, from its arguments and the service's <c>list_types</c>.</summary>
internal static class WatchTypes
{
    /// <summary>
    /// No types named: every type the service serves (the service must answer). Types named: checked
    /// against the service; a type it does not serve is an error, but a service that does not answer yet
    /// only earns a note, since watching needs nothing from it (the demo starts watching before the service).
    /// </summary>
    /// <param name="rpc">The service.</param>
    /// <param name="named">The types on the command line, without duplicates.</param>
    /// <param name="settings">Where the service is, for messages.</param>
    /// <param name="console">Where notes and errors go.</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    /// <returns>The types, or none with the exit code when the command must stop.</returns>
    /// <exception cref="SynchronizerRpcException">The service failed to list its types, and no types were named.</exception>
    /// <exception cref="TimeoutException">The service did not answer, and no types were named.</exception>
    public static async Task<Resolution> ResolveAsync(ISynchronizerRpc rpc, IReadOnlyList<string> named, ClientSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(named);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        IReadOnlyList<EntityTypeStatus> served;
        try
        {
            served = await rpc.ListTypesAsync(cancellationToken);
        }
        catch (Exception ex) when (named.Count > 0 && ex is TimeoutException or SynchronizerRpcException { ClassName: RpcErrorClasses.MessageUndeliverable })
        {
            await console.Error.WriteLineAsync(
                $"synchronizer: note: the service does not answer on {settings.Where}, so {string.Join(", ", named)} cannot be checked; watching anyway.");
            return new Resolution(named, ExitCodes.Ok);
        }

        var servedNames = served.Select(t => t.EntityType).ToArray();
        if (named.Count == 0)
        {
            if (servedNames.Length > 0)
            {
                return new Resolution(servedNames, ExitCodes.Ok);
            }

            await console.Error.WriteLineAsync("synchronizer: the service serves no entity type: nothing to watch.");
            return new Resolution(null, ExitCodes.Failure);
        }

        var unknown = named.Where(n => !servedNames.Contains(n, StringComparer.Ordinal)).ToArray();
        if (unknown.Length == 0)
        {
            return new Resolution(named, ExitCodes.Ok);
        }

        await console.Error.WriteLineAsync(
            $"synchronizer: {RpcErrorClasses.UnknownEntityType}: the service does not serve {string.Join(", ", unknown)}; it serves {(servedNames.Length == 0 ? "no type" : string.Join(", ", servedNames))}.");
        return new Resolution(null, ExitCodes.RpcError);
    }

    /// <summary>The outcome of <see cref="ResolveAsync"/>.</summary>
    /// <param name="Types">The types to watch; <see langword="null"/> when the command must stop.</param>
    /// <param name="ExitCode">The exit code when it must stop.</param>
    internal sealed record Resolution(IReadOnlyList<string>? Types, int ExitCode);
}
