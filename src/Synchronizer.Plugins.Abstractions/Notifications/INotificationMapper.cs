using System.Text.Json;

namespace Synchronizer.Plugins.Abstractions.Notifications;

/// <summary>
/// Tells which of OpenStack's own notifications concern an entity type, and which entities they name.
/// </summary>
/// <remarks>
/// <para>
/// A poller that also implements <see cref="IEntityFetcher"/> may implement this interface; the
/// synchronizer finds it with a type test on the registered <see cref="IEntityPoller"/>. The push
/// path (CONTRACT §7) consumes <see cref="Targets"/> (or the exchanges and topics configured in
/// <c>[openstack_notifications] &lt;service&gt;</c>, where <c>&lt;service&gt;</c> is the part of the entity
/// type before the dot), keeps the messages whose <c>event_type</c> the mapper
/// <see cref="Understands"/>, and re-reads each id of <see cref="EntityIds"/> through
/// <see cref="IEntityFetcher.GetAsync"/>: a record is stored as the entity's new state, a
/// <see langword="null"/> marks it deleted.
/// </para>
/// <para>
/// A mapper only reads ids out of the payload; it never trusts the payload as the entity's state,
/// because payloads are partial, in another format than the API, and may arrive out of order.
/// </para>
/// </remarks>
public interface INotificationMapper
{
    /// <summary>Gets the exchanges and topics the service publishes these notifications to by default.</summary>
    IReadOnlyList<NotificationTarget> Targets { get; }

    /// <summary>
    /// Gets the event types this mapper reads, each either exact (<c>volume.create.end</c>) or a
    /// prefix ending in <c>*</c> (<c>volume.*</c>); see <see cref="EventTypePattern"/>.
    /// </summary>
    IReadOnlyList<string> EventTypes { get; }

    /// <summary>Tells whether <paramref name="eventType"/> matches one of <see cref="EventTypes"/>.</summary>
    /// <param name="eventType">The <c>event_type</c> of a notification.</param>
    /// <returns><see langword="true"/> when the push path should call <see cref="EntityIds"/> for it.</returns>
    bool Understands(string eventType) => EventTypePattern.MatchesAny(EventTypes, eventType);

    /// <summary>Reads the ids of the entities a notification is about.</summary>
    /// <param name="eventType">The <c>event_type</c> of the notification.</param>
    /// <param name="payload">The notification's <c>payload</c> object, as the service sent it.</param>
    /// <returns>
    /// The entity ids, in the form <see cref="EntityRecord.Id"/> uses; empty when the event type is not
    /// understood or the payload names no entity. Never throws for a malformed payload.
    /// </returns>
    IEnumerable<string> EntityIds(string eventType, JsonElement payload);
}
