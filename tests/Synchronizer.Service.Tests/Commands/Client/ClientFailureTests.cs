using RabbitMQ.Client.Exceptions;
using Synchronizer.Client.Rpc;
using Synchronizer.Service.Commands;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

public class ClientFailureTests
{
    private readonly ClientSettings _settings = Settings.Read(("DEFAULT:control_exchange", "cloud-a"));

    public static TheoryData<Exception, int, string> Failures => new()
    {
        { new BrokerUnreachableException(new IOException("Connection refused")), ExitCodes.ServiceUnreachable, "cannot reach the broker at rabbit://ops:***@broker.example:5671/sync: Connection refused" },
        { new SynchronizerRpcException(RpcErrorClasses.MessageUndeliverable, "No queue takes RPC topic 'synchronizer'."), ExitCodes.ServiceUnreachable, "the service is not running on rabbit://ops:***@broker.example:5671/sync (exchange cloud-a, topic synchronizer): No queue takes RPC topic 'synchronizer'." },
        { new TimeoutException("The synchronizer did not answer list_types within 30 s."), ExitCodes.ServiceUnreachable, "no answer from the service on rabbit://ops:***@broker.example:5671/sync (exchange cloud-a, topic synchronizer): The synchronizer did not answer list_types within 30 s. Is 'synchronizer serve' running with this configuration?" },
        { new SynchronizerRpcException(RpcErrorClasses.UnknownEntityType, "Unknown entity type 'nova.foo'."), ExitCodes.RpcError, "UnknownEntityType: Unknown entity type 'nova.foo'." },
        { new SynchronizerRpcException(RpcErrorClasses.SyncFailed, "nova answered 503"), ExitCodes.SyncFailed, "sync failed: nova answered 503" },
        { new InvalidDataException("'types' must be an array."), ExitCodes.RpcError, "the service's answer does not follow the contract: 'types' must be an array." },
        { new InvalidOperationException("The broker has exchange 'cloud-a' with other flags than durable=False."), ExitCodes.InvalidConfiguration, "invalid configuration: The broker has exchange 'cloud-a' with other flags than durable=False." },
        { new ArithmeticException("boom"), ExitCodes.Failure, "unexpected ArithmeticException: boom" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Of_Exception_OneLineAndItsExitCode(Exception exception, int exitCode, string message)
    {
        var failure = ClientFailure.Of(exception, _settings);

        Assert.Equal(new ClientFailure(exitCode, message), failure);
    }

    [Fact]
    public void Of_InnerMessageQuotingThePassword_Redacted()
    {
        var exception = new BrokerUnreachableException(new AuthenticationFailureException($"ACCESS_REFUSED for ops/{Settings.Password}"));

        var failure = ClientFailure.Of(exception, _settings);

        Assert.DoesNotContain(Settings.Password, failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("ACCESS_REFUSED for ops/***", failure.Message, StringComparison.Ordinal);
    }
}
