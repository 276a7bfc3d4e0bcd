using System.Globalization;
using Synchronizer.Simulator.Control;

namespace Synchronizer.FunctionalTests.EndToEnd;

/// <summary>
/// An exact number of random changes through the simulator's control API, in the proportions of the
/// simulator's own churn (Control/ServerChurn, VolumeChurn, StackChurn): each kind of resource picked
/// in proportion to its population; about a tenth creates, a tenth deletes, the rest status changes,
/// renames, resizes, metadata and tags. The simulator publishes OpenStack's notifications for each.
/// </summary>
/// <remarks>
/// <c>POST /control/churn</c> only takes a rate, so it cannot stop after exactly N operations; driving
/// the same operations from here makes the count exact and the run repeatable (fixed seed).
/// </remarks>
internal sealed class ChurnScript
{
    private static readonly string[] FromActive = ["SHUTOFF", "SHUTOFF", "SHUTOFF", "PAUSED", "SUSPENDED", "REBOOT", "ERROR"];

    private readonly SimulatorControlClient _control;
    private readonly Random _random;
    private readonly List<(string Id, string Status)> _servers;
    private readonly List<(string Id, string Status, int Size)> _volumes;
    private readonly List<string> _stacks;

    public ChurnScript(SimulatorControlClient control, int seed, IEnumerable<(string Id, string Status)> servers, IEnumerable<(string Id, string Status, int Size)> volumes, IEnumerable<string> stacks)
    {
        _control = control;
        _random = new Random(seed);
        _servers = [.. servers];
        _volumes = [.. volumes];
        _stacks = [.. stacks];
    }

    /// <summary>Runs <paramref name="operations"/> changes, at most <paramref name="perSecond"/> a second.</summary>
    public async Task RunAsync(int operations, double perSecond, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (var i = 0; i < operations; i++)
        {
            // Pacing only: an operation never starts before its slot, and a late one is not made up.
            var ahead = TimeSpan.FromSeconds(i / perSecond) - TimeProvider.System.GetElapsedTime(started);
            if (ahead > TimeSpan.Zero)
            {
                await Task.Delay(ahead, cancellationToken);
            }

            await StepAsync(cancellationToken);
        }
    }

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        var which = _random.NextInt64(_servers.Count + 1 + _volumes.Count + _stacks.Count);
        var roll = _random.NextDouble();
        var pick = _random.Next();
        if (which <= _servers.Count)
        {
            await ServerAsync(roll, pick, cancellationToken);
        }
        else if (which <= _servers.Count + _volumes.Count)
        {
            await VolumeAsync(roll, pick, cancellationToken);
        }
        else
        {
            await StackAsync(roll, pick, cancellationToken);
        }
    }

    private async Task ServerAsync(double roll, int pick, CancellationToken cancellationToken)
    {
        if (_servers.Count == 0 || roll < 0.10)
        {
            _servers.Add((await _control.CreateServerAsync(ct: cancellationToken), "ACTIVE"));
            return;
        }

        var index = pick % _servers.Count;
        var (id, status) = _servers[index];
        if (roll < 0.20)
        {
            await _control.DeleteServerAsync(id, cancellationToken);
            _servers.RemoveAt(index);
        }
        else if (roll < 0.68)
        {
            var next = status == "ACTIVE" ? FromActive[pick % FromActive.Length] : "ACTIVE";
            await _control.UpdateServerAsync(id, status: next, ct: cancellationToken);
            _servers[index] = (id, next);
        }
        else if (roll < 0.88)
        {
            await _control.UpdateServerAsync(id, name: $"churned-{pick % 1000}", ct: cancellationToken);
        }
        else
        {
            await _control.SetServerMetadataAsync(id, Metadata(pick), cancellationToken);
        }
    }

    private async Task VolumeAsync(double roll, int pick, CancellationToken cancellationToken)
    {
        if (_volumes.Count == 0 || roll < 0.10)
        {
            _volumes.Add((await _control.CreateVolumeAsync(size: 1, ct: cancellationToken), "available", 1));
            return;
        }

        var index = pick % _volumes.Count;
        var (id, status, size) = _volumes[index];
        if (roll < 0.20)
        {
            await _control.DeleteVolumeAsync(id, cancellationToken);
            _volumes.RemoveAt(index);
        }
        else if (roll < 0.60)
        {
            // An available volume gets attached (or fails); an attached or failed one becomes available again.
            var next = status == "available" ? (pick % 10 == 0 ? "error" : "in-use") : "available";
            await _control.UpdateVolumeAsync(id, status: next, ct: cancellationToken);
            _volumes[index] = (id, next, size);
        }
        else if (roll < 0.70)
        {
            await _control.UpdateVolumeAsync(id, size: size + 1, ct: cancellationToken);
            _volumes[index] = (id, status, size + 1);
        }
        else if (roll < 0.85)
        {
            await _control.UpdateVolumeAsync(id, name: $"churned-{pick % 1000}", ct: cancellationToken);
        }
        else
        {
            await _control.SetVolumeMetadataAsync(id, Metadata(pick), cancellationToken);
        }
    }

    private async Task StackAsync(double roll, int pick, CancellationToken cancellationToken)
    {
        if (_stacks.Count == 0 || roll < 0.10)
        {
            _stacks.Add(await _control.CreateStackAsync(ct: cancellationToken));
            return;
        }

        var index = pick % _stacks.Count;
        if (roll < 0.20)
        {
            await _control.DeleteStackAsync(_stacks[index], cancellationToken);
            _stacks.RemoveAt(index);
        }
        else if (roll < 0.80)
        {
            await _control.UpdateStackAsync(_stacks[index], pick % 10 == 0 ? "UPDATE_FAILED" : "UPDATE_COMPLETE", ct: cancellationToken);
        }
        else
        {
            await _control.UpdateStackAsync(_stacks[index], tags: [$"churn-{pick % 100}"], ct: cancellationToken);
        }
    }

    private static Dictionary<string, string> Metadata(int pick) =>
        new(StringComparer.Ordinal) { ["churn"] = (pick % 1000).ToString(CultureInfo.InvariantCulture) };
}
