using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Orchestration;

namespace Synchronizer.Simulator.Control;

/// <summary>Stack changes: mostly updates (a few failing), retags, some creates and deletes.</summary>
internal sealed class StackChurn : IChurn
{
    private readonly StackOperations _operations;
    private readonly ResourceStore<StackRecord> _store;
    private readonly SimulatorRandom _random;

    public StackChurn(StackOperations operations, ResourceStore<StackRecord> store, SimulatorRandom random)
    {
        _operations = operations;
        _store = store;
        _random = random;
    }

    public int Population => _store.Count;

    public void Step(double roll, int pick)
    {
        var target = _random.Use(_store.PickLive);
        if (target is null || roll < 0.10)
        {
            _operations.Create(null, target?.ProjectId, stackStatus: null);
        }
        else if (roll < 0.20)
        {
            _operations.Delete(target.Id);
        }
        else if (roll < 0.80)
        {
            _operations.Update(target.Id, pick % 10 == 0 ? "UPDATE_FAILED" : "UPDATE_COMPLETE", tags: null);
        }
        else
        {
            _operations.Update(target.Id, stackStatus: null, [$"churn-{pick % 100}"]);
        }
    }
}
