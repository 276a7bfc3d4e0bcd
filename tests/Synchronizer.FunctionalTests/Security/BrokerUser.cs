using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.FunctionalTests.Rpc;
using RabbitTransportUrl = Synchronizer.Messaging.Rabbit.TransportUrl;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// A RabbitMQ user of its own with a password no other text contains, created with <c>rabbitmqctl</c> on
/// the private test node (the broker of <c>SYNCHRONIZER_TEST_TRANSPORT_URL</c>) and deleted afterwards.
/// </summary>
/// <remarks>
/// The test broker only has guest/guest, and "guest" appears in many harmless lines (the user name is
/// the same word), so a scan for it would prove nothing. The node's own <c>rabbitmqctl</c>, through
/// <see cref="BrokerNode"/>, needs no management plugin and no credentials.
/// </remarks>
internal sealed class BrokerUser : IAsyncDisposable
{
    private BrokerUser(string name, string password, string transportUrl)
    {
        Name = name;
        Password = password;
        TransportUrl = transportUrl;
    }

    public string Name { get; }

    public string Password { get; }

    /// <summary>Gets the transport URL of this user on the test broker, its password URL-encoded as oslo expects.</summary>
    public string TransportUrl { get; }

    public static async Task<BrokerUser> CreateAsync(string name, string password)
    {
        var broker = RabbitTransportUrl.Parse(TestBroker.TransportUrl);
        var host = broker.Hosts[0];
        await BrokerNode.CtlAsync("add_user", name, password);
        await BrokerNode.CtlAsync("set_permissions", "-p", broker.VirtualHost, name, ".*", ".*", ".*");
        var vhost = broker.VirtualHost == "/" ? string.Empty : Uri.EscapeDataString(broker.VirtualHost);
        var url = $"rabbit://{Uri.EscapeDataString(name)}:{Uri.EscapeDataString(password)}@{host.Host}:{host.Port}/{vhost}";
        return new BrokerUser(name, password, url);
    }

    public async ValueTask DisposeAsync() => await BrokerNode.CtlAsync("delete_user", Name);
}
