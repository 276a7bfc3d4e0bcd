using System.Collections.Immutable;

namespace Synchronizer.Client.Replication;

/// <summary>The replica at one revision; replaced as a whole, so readers never see half a change.</summary>
internal sealed record ReplicaState(long Revision, ImmutableDictionary<string, ReplicaEntity> Entities)
{
    public static ReplicaState Empty { get; } = new(0, ImmutableDictionary.Create<string, ReplicaEntity>(StringComparer.Ordinal));
}
