namespace Synchronizer.Messaging.Rpc;

/// <summary>
/// Runs the methods of the RPC API (CONTRACT §4). The oslo RPC server has already checked the envelope,
/// the version and the reply coordinates; the dispatcher checks the method and its arguments.
/// </summary>
/// <remarks>
/// Several requests run at once (<see cref="RpcServerOptions.Workers"/>), so implementations are thread-safe.
/// A contract error is an <see cref="RpcErrorException"/>, which reaches the caller as an oslo failure of
/// that class (oslo clients raise <c>RemoteError</c> with <c>exc_type</c> set to it). Any other exception
/// is logged and reaches the caller as a failure named after its type, without its message.
/// </remarks>
public interface IRpcDispatcher
{
    /// <summary>Runs one request.</summary>
    /// <param name="request">The request; <see cref="RpcRequest.Arguments"/> is a JSON object.</param>
    /// <param name="cancellationToken">Cancelled when the server stops.</param>
    /// <returns>The method's result; ignored for a cast.</returns>
    /// <exception cref="RpcErrorException">The method is unknown (<see cref="RpcErrorClasses.UnknownMethod"/>), an argument is wrong (<see cref="RpcErrorClasses.InvalidArgument"/>), or the method failed in a way the contract names.</exception>
    Task<RpcResult> DispatchAsync(RpcRequest request, CancellationToken cancellationToken);
}
