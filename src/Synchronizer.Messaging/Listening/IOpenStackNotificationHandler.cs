namespace Synchronizer.Messaging.Listening;

/// <summary>Acts on OpenStack's notifications; implemented by the service's push path.</summary>
public interface IOpenStackNotificationHandler
{
    /// <summary>Handles one notification. Exceptions are logged and counted; the message is not retried (polling is the safety net).</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Cancels the handling at shutdown.</param>
    /// <returns>A task that completes when the notification is handled.</returns>
    Task HandleAsync(OpenStackNotification notification, CancellationToken cancellationToken);
}
