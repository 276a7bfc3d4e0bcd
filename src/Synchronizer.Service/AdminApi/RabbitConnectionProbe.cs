using Synchronizer.Messaging.Rabbit;

namespace Synchronizer.Service.AdminApi;

/// <summary>Reads the state of the process's one RabbitMQ connection.</summary>
internal sealed class RabbitConnectionProbe : IBusConnectionProbe
{
    private readonly RabbitConnectionProvider _connections;

    public RabbitConnectionProbe(RabbitConnectionProvider connections) => _connections = connections;

    public bool IsConnected => _connections.IsConnected;
}
