using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Plugins.Testing;

/// <summary>A poller wired to a service that holds a known set of entities, for <see cref="EntityPollerContractTests"/>.</summary>
/// <param name="Poller">The poller, created the way the plugin's <c>Add&lt;Svc&gt;</c> method creates it.</param>
/// <param name="ExpectedIds">The id of every entity the service holds, over all its pages.</param>
public sealed record PollerUnderTest(IEntityPoller Poller, IReadOnlyCollection<string> ExpectedIds)
{
    /// <summary>
    /// Gets the page size the poller was configured with, or <see langword="null"/> for a service
    /// that does not page. When set, the contract checks that <see cref="ExpectedIds"/> spans more
    /// than one page, so that a poller that stops after the first page cannot pass. The default value
    /// is <see langword="null"/>.
    /// </summary>
    public int? PageSize { get; init; }
}
