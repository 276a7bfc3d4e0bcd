using RabbitMQ.Client.Exceptions;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Service.Commands.Client;

/// <summary>What a client command says and returns when a call fails: one line, never a stack trace.</summary>
/// <param name="ExitCode">One of <see cref="ExitCodes"/>.</param>
/// <param name="Message">The line for standard error, without the <c>synchronizer: </c> prefix.</param>
internal sealed record ClientFailure(int ExitCode, string Message)
{
    /// <summary>Describes an exception of connecting or calling; every exception gets an answer.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <param name="settings">Where the command looked, to say so and to redact the password from any quoted text.</param>
    public static ClientFailure Of(Exception exception, ClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(settings);
        // Only the quoted exception texts are redacted: the URL shown is already TransportUrl's redacted form.
        string Quote(Exception e) => settings.Redact(e.Message);
        return exception switch
        {
            BrokerUnreachableException unreachable => new ClientFailure(
                ExitCodes.ServiceUnreachable,
                $"cannot reach the broker at {settings.TransportUrl}: {Quote(Innermost(unreachable))}"),
            SynchronizerRpcException { ClassName: RpcErrorClasses.MessageUndeliverable } undeliverable => new ClientFailure(
                ExitCodes.ServiceUnreachable,
                $"the service is not running on {settings.Where}: {Quote(undeliverable)}"),
            TimeoutException timeout => new ClientFailure(
                ExitCodes.ServiceUnreachable,
                $"no answer from the service on {settings.Where}: {Quote(timeout)} Is 'synchronizer serve' running with this configuration?"),
            SynchronizerRpcException { ClassName: RpcErrorClasses.SyncFailed } syncFailed => new ClientFailure(
                ExitCodes.SyncFailed,
                $"sync failed: {Quote(syncFailed)}"),
            SynchronizerRpcException rpc => new ClientFailure(ExitCodes.RpcError, $"{rpc.ClassName}: {Quote(rpc)}"),
            InvalidDataException offContract => new ClientFailure(ExitCodes.RpcError, $"the service's answer does not follow the contract: {Quote(offContract)}"),
            AlreadyClosedException or OperationInterruptedException => new ClientFailure(
                ExitCodes.ServiceUnreachable,
                $"lost the connection to the broker at {settings.TransportUrl}: {Quote(exception)}"),

            // The control exchange exists with other flags: amqp_durable_queues differs from the service's.
            InvalidOperationException mismatch => new ClientFailure(ExitCodes.InvalidConfiguration, $"invalid configuration: {Quote(mismatch)}"),
            _ => new ClientFailure(ExitCodes.Failure, $"unexpected {exception.GetType().Name}: {Quote(exception)}"),
        };
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}
