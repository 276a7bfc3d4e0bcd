using System.Globalization;
using Synchronizer.Simulator.BlockStorage;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Control;

/// <summary>Volume changes: attaches and detaches, extends, renames, metadata, some creates and deletes.</summary>
internal sealed class VolumeChurn : IChurn
{
    private readonly VolumeOperations _operations;
    private readonly ResourceStore<VolumeRecord> _store;
    private readonly SimulatorRandom _random;

    public VolumeChurn(VolumeOperations operations, ResourceStore<VolumeRecord> store, SimulatorRandom random)
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
            _operations.Create(null, target?.ProjectId, size: null, status: null);
        }
        else if (roll < 0.20)
        {
            _operations.Delete(target.Id);
        }
        else if (roll < 0.60)
        {
            // An available volume gets attached; an attached or failed one goes back to available.
            var status = target.Status == "available" ? (pick % 10 == 0 ? "error" : "in-use") : "available";
            _operations.Update(target.Id, name: null, status, size: null, metadata: null);
        }
        else if (roll < 0.70)
        {
            _operations.Update(target.Id, name: null, status: null, target.Size + 1, metadata: null);
        }
        else if (roll < 0.85)
        {
            _operations.Update(target.Id, $"{target.Name}-r{pick % 1000}", status: null, size: null, metadata: null);
        }
        else
        {
            var metadata = new Dictionary<string, string>(target.Metadata) { ["churn"] = (pick % 1000).ToString(CultureInfo.InvariantCulture) };
            _operations.Update(target.Id, name: null, status: null, size: null, metadata);
        }
    }
}
