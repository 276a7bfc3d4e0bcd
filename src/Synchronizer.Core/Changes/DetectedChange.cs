using Synchronizer.Core.State;

namespace Synchronizer.Core.Changes;

/// <summary>A difference between the baseline and what was just observed, before it gets a revision.</summary>
/// <param name="Action">Create, update or delete.</param>
/// <param name="Id">The entity id.</param>
/// <param name="Current">What was observed; <see langword="null"/> for a delete.</param>
/// <param name="Previous">What the baseline held; <see langword="null"/> for a create.</param>
public sealed record DetectedChange(ChangeAction Action, string Id, ObservedEntity? Current, StoredEntity? Previous);
