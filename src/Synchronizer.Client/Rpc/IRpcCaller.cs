using System.Text.Json;

namespace Synchronizer.Client.Rpc;

/// <summary>Calls one oslo RPC method and returns its result.</summary>
internal interface IRpcCaller
{
    /// <summary>Calls <paramref name="method"/> with the keyword arguments <paramref name="writeArguments"/> writes.</summary>
    /// <param name="method">The method.</param>
    /// <param name="writeArguments">Writes the arguments' properties into the (already open) <c>args</c> object.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The result, a detached copy.</returns>
    /// <exception cref="SynchronizerRpcException">The server answered with a failure, or nothing took the request.</exception>
    /// <exception cref="TimeoutException">No answer (or keep-alive) came in time.</exception>
    Task<JsonElement> CallAsync(string method, Action<Utf8JsonWriter> writeArguments, CancellationToken cancellationToken);
}
