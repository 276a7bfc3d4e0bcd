using System.Globalization;
using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Control;

/// <summary>
/// Server changes in the proportions of a busy cloud: mostly updates (status transitions first, then
/// renames and metadata), some creates and about as many deletes, so the population stays roughly level.
/// </summary>
internal sealed class ServerChurn : IChurn
{
    private static readonly string[] FromActive = ["SHUTOFF", "SHUTOFF", "SHUTOFF", "PAUSED", "SUSPENDED", "REBOOT", "ERROR"];

    private readonly ServerOperations _operations;
    private readonly ServerStore _store;
    private readonly SimulatorRandom _random;

    public ServerChurn(ServerOperations operations, ServerStore store, SimulatorRandom random)
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
            _operations.Create(null, target?.ProjectId, "ACTIVE");
        }
        else if (roll < 0.20)
        {
            _operations.Delete(target.Id);
        }
        else if (roll < 0.68)
        {
            var status = target.Status == "ACTIVE" ? FromActive[pick % FromActive.Length] : "ACTIVE";
            _operations.Update(target.Id, name: null, status, metadata: null);
        }
        else if (roll < 0.88)
        {
            _operations.Update(target.Id, $"{target.Hostname}-r{pick % 1000}", status: null, metadata: null);
        }
        else
        {
            var metadata = new Dictionary<string, string>(target.Metadata) { ["churn"] = (pick % 1000).ToString(CultureInfo.InvariantCulture) };
            _operations.Update(target.Id, name: null, status: null, metadata);
        }
    }
}
