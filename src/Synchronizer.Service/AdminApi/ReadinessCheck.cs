using Synchronizer.Service.Sync;

namespace Synchronizer.Service.AdminApi;

/// <summary>
/// Decides <c>/readyz</c> (CONTRACT §6): the bus is connected and every enabled type has been polled.
/// A type counts once a poll of it has completed; one whose polls have all failed is not ready
/// (it would serve an empty or stale set as if it were current).
/// </summary>
internal sealed class ReadinessCheck
{
    private readonly IBusConnectionProbe _bus;
    private readonly EnabledTypes _types;
    private readonly SyncCoordinator _coordinator;

    public ReadinessCheck(IBusConnectionProbe bus, EnabledTypes types, SyncCoordinator coordinator)
    {
        _bus = bus;
        _types = types;
        _coordinator = coordinator;
    }

    /// <summary>Lists why the service is not ready.</summary>
    /// <returns>The reasons, one per problem; empty when ready.</returns>
    public IReadOnlyList<string> NotReadyReasons()
    {
        var reasons = new List<string>();
        if (!_bus.IsConnected)
        {
            reasons.Add("The message bus is not connected: check [DEFAULT] transport_url and that the broker runs.");
        }

        foreach (var type in _types.All)
        {
            var name = type.Descriptor.Name;
            var status = type.Status;
            if (status.LastPollStatus == SyncStatus.Ok || _coordinator.HasSucceeded(name))
            {
                continue;
            }

            reasons.Add(status.LastPollAt is null
                ? $"{name} has not been polled yet."
                : $"{name} has not been polled successfully yet; last error: {status.LastError}");
        }

        return reasons;
    }
}
