namespace Synchronizer.Service.AdminApi;

/// <summary>Tells readiness whether the message bus is connected.</summary>
internal interface IBusConnectionProbe
{
    /// <summary>Gets whether the AMQP connection is open now.</summary>
    bool IsConnected { get; }
}
