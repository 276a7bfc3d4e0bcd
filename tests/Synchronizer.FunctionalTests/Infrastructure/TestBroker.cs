namespace Synchronizer.FunctionalTests.Infrastructure;

/// <summary>The broker functional tests use: <c>SYNCHRONIZER_TEST_TRANSPORT_URL</c>, set by scripts/functional.</summary>
internal static class TestBroker
{
    public const string TransportUrlVariable = "SYNCHRONIZER_TEST_TRANSPORT_URL";

    public static string TransportUrl =>
        Environment.GetEnvironmentVariable(TransportUrlVariable) is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException(
                $"{TransportUrlVariable} is not set: run the functional tests through scripts/functional, which starts a private RabbitMQ, " +
                "or point the variable at a broker of your own (rabbit://user:pass@127.0.0.1:5672/).");

    /// <summary>A control exchange of its own per test, so tests sharing one broker never see each other's messages.</summary>
    public static string UniqueExchange() => $"synchronizer-test-{Guid.NewGuid():N}"[..30];
}
