using System.Text.Json;

namespace Synchronizer.FunctionalTests.EndToEnd;

/// <summary>What tests/interop/oslo_replica_listener.py wrote at the end, per entity type.</summary>
/// <param name="Entities">Id to entity, as the notifications carried it.</param>
/// <param name="Hashes">Id to the hash the notifications carried.</param>
/// <param name="Revisions">The revision each replica reached.</param>
/// <param name="Sources">How many applied notifications came from each <c>source</c> (<c>poll</c>, <c>notification</c>, <c>sync</c>).</param>
/// <param name="Duplicates">How many notifications were skipped as already applied.</param>
internal sealed record OsloReplicaDump(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>> Entities,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Hashes,
    IReadOnlyDictionary<string, long> Revisions,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Sources,
    IReadOnlyDictionary<string, long> Duplicates)
{
    public static OsloReplicaDump Read(JsonElement root) => new(
        PerType(root.GetProperty("replicas"), e => e.Clone()),
        PerType(root.GetProperty("hashes"), e => e.GetString()!),
        root.GetProperty("revisions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal),
        PerType(root.GetProperty("sources"), e => e.GetInt64()),
        root.GetProperty("duplicates").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal));

    private static Dictionary<string, IReadOnlyDictionary<string, T>> PerType<T>(JsonElement byType, Func<JsonElement, T> read) =>
        byType.EnumerateObject().ToDictionary(
            t => t.Name,
            t => (IReadOnlyDictionary<string, T>)t.Value.EnumerateObject().ToDictionary(p => p.Name, p => read(p.Value), StringComparer.Ordinal),
            StringComparer.Ordinal);
}
