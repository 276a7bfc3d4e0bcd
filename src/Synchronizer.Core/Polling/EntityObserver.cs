using Synchronizer.Core.Canonicalization;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Hashing;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Core.Polling;

/// <summary>Turns a raw API record into its canonical, hashed form.</summary>
internal static class EntityObserver
{
    public static ObservedEntity Observe(EntityRecord record, EntityTypeDescriptor descriptor)
    {
        var canonical = CanonicalJson.Canonicalize(record.Json.Span, descriptor.VolatileFields);
        return new ObservedEntity(record.Id, ContentHash.Of(canonical), canonical);
    }
}
