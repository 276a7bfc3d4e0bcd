namespace Synchronizer.FunctionalTests.Infrastructure;

/// <summary>Functional tests share one broker and two cores; they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerTests
{
    public const string Name = "broker";
}
