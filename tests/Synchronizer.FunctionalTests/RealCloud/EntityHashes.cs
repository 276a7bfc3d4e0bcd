using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Synchronizer.Core.Canonicalization;
using Synchronizer.Core.Hashing;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Nova;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// The contract's hash (CONTRACT §1) of an entity as the API lists it: its type's volatile fields
/// removed, then RFC 8785 canonical JSON and XXH3-64 through Synchronizer.Core.
/// </summary>
internal sealed class EntityHashes
{
    private readonly Dictionary<string, IReadOnlySet<string>> _volatile;

    /// <param name="pollers">The synchronizer's pollers, which declare each type's volatile fields.</param>
    public EntityHashes(IEnumerable<IEntityPoller> pollers) =>
        _volatile = pollers.ToDictionary(p => p.Descriptor.Name, p => p.Descriptor.VolatileFields, StringComparer.Ordinal);

    /// <summary>The hash of an entity exactly as it is (a notification's or replica's entity, already without volatile fields).</summary>
    public static string Of(JsonElement entity) => ContentHash.Of(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(entity.GetRawText()))).ToString();

    /// <summary>The hash of an entity as the API lists it.</summary>
    public string OfListed(string entityType, JsonElement listed)
    {
        var json = entityType == NovaEntityTypes.Zone ? WithoutHeartbeats(listed) : listed.GetRawText();
        return ContentHash.Of(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json), _volatile[entityType])).ToString();
    }

    /// <summary>Every listed entity's hash, by id.</summary>
    public IReadOnlyDictionary<string, string> OfAll(string entityType, IReadOnlyDictionary<string, JsonElement> listed) =>
        listed.ToDictionary(e => e.Key, e => OfListed(entityType, e.Value), StringComparer.Ordinal);

    // nova.zone's documented rule (plugin README): each service's updated_at under hosts.<host>.<binary>
    // is its heartbeat and is left out.
    private static string WithoutHeartbeats(JsonElement zone)
    {
        var node = JsonNode.Parse(zone.GetRawText())!.AsObject();
        if (node["hosts"] is JsonObject hosts)
        {
            foreach (var services in hosts.Select(h => h.Value).OfType<JsonObject>())
            {
                foreach (var service in services.Select(s => s.Value).OfType<JsonObject>())
                {
                    service.Remove("updated_at");
                }
            }
        }

        return node.ToJsonString();
    }
}
