namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>The real-cloud tests share one cloud and its notification bus; they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealCloudTests : ICollectionFixture<RealCloudFixture>
{
    public const string Name = "real-cloud";
}
