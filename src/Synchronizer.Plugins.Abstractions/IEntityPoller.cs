namespace Synchronizer.Plugins.Abstractions;

/// <summary>
/// Lists every entity of one entity type from an OpenStack service.
/// </summary>
/// <remarks>
/// A poller never diffs, hashes, caches, schedules or publishes: the core and the service do that.
/// It must follow pagination to the end; the listing is complete only when the enumeration ends
/// without an exception. Any failure (HTTP error, time-out, unparsable page) must surface as an
/// exception from the enumeration, so that a partial listing is never mistaken for the whole set.
/// </remarks>
public interface IEntityPoller
{
    /// <summary>Gets the entity type this poller lists, for example <c>nova.instance</c>.</summary>
    EntityTypeDescriptor Descriptor { get; }

    /// <summary>Lists all entities of the type, page by page, streaming each entity as it is read.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The entities, in the order the API lists them.</returns>
    /// <exception cref="Exception">Any failure of the listing; the caller treats the poll as failed.</exception>
    IAsyncEnumerable<EntityRecord> ListAsync(CancellationToken cancellationToken);
}
