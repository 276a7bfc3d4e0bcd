namespace Synchronizer.FunctionalTests.Infrastructure;

/// <summary>
/// Marks a test that stops and restarts the shared test broker. scripts/functional runs these on
/// their own, after the rest: test assemblies run in parallel, and a restart would refuse the
/// connections of tests in other assemblies that use the same broker.
/// </summary>
public static class BrokerRestart
{
    public const string Trait = "Broker";
    public const string Value = "Restarts";
}
