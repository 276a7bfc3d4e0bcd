using Synchronizer.Core.State;

namespace Synchronizer.Service.Tests.Storage;

/// <summary>Core's in-memory store, the default without <c>[database] connection</c>, held to the same contract as SQLite.</summary>
public sealed class InMemoryChangeStoreContractTests : ChangeStoreContractTests
{
    protected override IChangeStore Open(int retention) => new InMemoryChangeStore(retention);
}
