namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// The two RabbitMQ users of the scans, created once for the test class: one for the service's own bus
/// (<c>[DEFAULT] transport_url</c>) and one for OpenStack's (<c>[openstack_notifications] transport_url</c>).
/// </summary>
/// <remarks>
/// Their passwords hold '@', '/', ':' and '+', so a transport URL must percent-encode them; a leak of
/// the URL as written then shows up in its encoded form, and a decoded one in its plain form.
/// </remarks>
public sealed class ScanBrokerUsers : IAsyncLifetime
{
    private BrokerUser? _bus;
    private BrokerUser? _notifications;

    internal BrokerUser Bus => _bus ?? throw new InvalidOperationException("Not created yet.");

    internal BrokerUser Notifications => _notifications ?? throw new InvalidOperationException("Not created yet.");

    public async Task InitializeAsync()
    {
        var id = ScanSecrets.RandomText(6).ToLowerInvariant();
        _bus = await BrokerUser.CreateAsync($"scan-bus-{id}", $"bus{ScanSecrets.RandomText(20)}@/:+x");
        _notifications = await BrokerUser.CreateAsync($"scan-notify-{id}", $"ntf{ScanSecrets.RandomText(20)}+:/@y");
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.DisposeAsync();
        }

        if (_notifications is not null)
        {
            await _notifications.DisposeAsync();
        }
    }
}
