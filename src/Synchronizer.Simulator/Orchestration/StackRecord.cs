using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Orchestration;

/// <summary>
/// One heat stack, immutable: an update makes a new record. Deleted stacks stay as tombstones, because
/// heat fetches a marker by primary key whatever its state.
/// </summary>
internal sealed record StackRecord : IStoredResource
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string ProjectId { get; init; }

    /// <summary>The creator's user name: heat shows it as stack_owner (and, in notifications, as user_id).</summary>
    public required string Username { get; init; }

    public required string UserId { get; init; }

    /// <summary>CREATE, UPDATE, DELETE, SUSPEND, RESUME, ROLLBACK, CHECK...; the API joins it with the status.</summary>
    public required string Action { get; init; }

    /// <summary>IN_PROGRESS, COMPLETE or FAILED.</summary>
    public required string Status { get; init; }

    public required string StatusReason { get; init; }

    /// <summary>The template's description: shown by stack show (and in notifications), not in the list.</summary>
    public required string Description { get; init; }

    public required DateTime CreatedAt { get; init; }

    public DateTime? UpdatedAt { get; init; }

    public DateTime? DeletedAt { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public bool Deleted => DeletedAt is not null;

    public string StackStatus => Action + "_" + Status;
}
