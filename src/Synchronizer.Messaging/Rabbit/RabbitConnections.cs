using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Synchronizer.Messaging.Rabbit;

/// <summary>Opens AMQP connections from transport URLs, with automatic recovery after a broker restart.</summary>
public static class RabbitConnections
{
    /// <summary>Opens a connection to the first reachable broker of <paramref name="url"/>.</summary>
    /// <param name="url">The transport URL.</param>
    /// <param name="clientName">The name the broker shows for the connection.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="MessagingException">No broker could be reached; the message never contains a password.</exception>
    public static async Task<IConnection> OpenAsync(TransportUrl url, string clientName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var first = url.Hosts[0];
        var factory = new ConnectionFactory
        {
            UserName = first.UserName,
            Password = first.Password,
            VirtualHost = url.VirtualHost,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
            ClientProvidedName = clientName,
        };
        var endpoints = url.Hosts.Select(h => new AmqpTcpEndpoint(h.Host, h.Port, new SslOption { Enabled = url.UseTls, ServerName = h.Host })).ToList();
        try
        {
            return await factory.CreateConnectionAsync(endpoints, cancellationToken);
        }
        catch (BrokerUnreachableException ex)
        {
            throw new MessagingException($"No broker of {url} could be reached: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }
}
