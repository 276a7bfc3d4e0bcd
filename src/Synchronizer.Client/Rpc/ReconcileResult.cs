using Synchronizer.Client.Replication;

namespace Synchronizer.Client.Rpc;

/// <summary>What <c>reconcile</c> says to do to a consumer's inventory to reach the service's state.</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Revision">The revision the answer brings the inventory to.</param>
/// <param name="Upserts">The entities the inventory lacks or holds with another hash.</param>
/// <param name="Deletes">The ids the inventory holds that no longer exist.</param>
public sealed record ReconcileResult(string EntityType, long Revision, IReadOnlyList<ReplicaEntity> Upserts, IReadOnlyList<string> Deletes);
