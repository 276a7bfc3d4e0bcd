using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Control;

/// <summary>
/// One random change at a time across servers, volumes and stacks, each kind chosen in proportion to
/// how many exist (servers always have a chance, so an empty cloud fills up).
/// </summary>
internal sealed class ChurnEngine
{
    private readonly IChurn[] _kinds;
    private readonly SimulatorRandom _random;

    public ChurnEngine(SimulatorRandom random, params IChurn[] kinds)
    {
        _random = random;
        _kinds = kinds;
    }

    public void Step()
    {
        var weights = _kinds.Select((k, i) => (long)k.Population + (i == 0 ? 1 : 0)).ToArray();
        var (which, roll, pick) = _random.Use(r => (r.NextInt64(weights.Sum()), r.NextDouble(), r.Next()));
        for (var i = 0; i < _kinds.Length; i++)
        {
            if (which < weights[i])
            {
                _kinds[i].Step(roll, pick);
                return;
            }

            which -= weights[i];
        }
    }
}
