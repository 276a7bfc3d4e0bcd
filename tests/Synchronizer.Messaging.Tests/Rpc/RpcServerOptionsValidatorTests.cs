using Synchronizer.Messaging.Rpc;

namespace Synchronizer.Messaging.Tests.Rpc;

public class RpcServerOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(CreateSut().Validate(null, new RpcServerOptions()).Succeeded);
    }

    [Theory]
    [InlineData("", 16, 1048576, "rpc_topic")]
    [InlineData(" synchronizer", 16, 1048576, "rpc_topic")]
    [InlineData("synchronizer", 0, 1048576, "rpc_workers")]
    [InlineData("synchronizer", 70000, 1048576, "rpc_workers")]
    [InlineData("synchronizer", 16, 100, "rpc_max_request_bytes")]
    public void Validate_BadValue_FailsNamingSectionAndKey(string topic, int workers, int maxBytes, string key)
    {
        var options = new RpcServerOptions { Topic = topic, Workers = workers, MaxRequestBytes = maxBytes };

        var result = CreateSut().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"[DEFAULT] {key}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TopicTooLongForAQueueName_Fails()
    {
        Assert.True(CreateSut().Validate(null, new RpcServerOptions { Topic = new string('t', 250) }).Failed);
    }

    private static RpcServerOptionsValidator CreateSut() => new();
}
