namespace Synchronizer.Simulator.Notifications;

/// <summary>One AMQP publish: the exchange, the routing key (also the name of oslo's default queue) and the body.</summary>
internal sealed record NotificationMessage(string Exchange, string RoutingKey, byte[] Body);
