using System.Text.Json;
using Synchronizer.Plugins.Cinder;
using Synchronizer.Plugins.Heat;
using Synchronizer.Plugins.Nova;

namespace Synchronizer.FunctionalTests.RealCloud.Lifecycle;

/// <summary>Where each service publishes its own notifications on the real bus (REALSTACK.md), and which entity one names.</summary>
internal sealed record OpenStackEvents(string Exchange, string RoutingKey, Func<JsonElement, string?> EntityId)
{
    public static OpenStackEvents For(string entityType) => entityType switch
    {
        NovaEntityTypes.Instance => new("nova", "versioned_notifications.info", p => Text(p, "nova_object.data", "uuid")),
        CinderEntityTypes.Volume => new("openstack", "notifications.info", p => Text(p, "volume_id")),
        HeatEntityTypes.Stack => new("heat", "notifications.info", p => Text(p, "stack_identity")),
        _ => throw new ArgumentOutOfRangeException(nameof(entityType), entityType, "no lifecycle for this type"),
    };

    private static string? Text(JsonElement payload, params string[] path)
    {
        foreach (var name in path)
        {
            if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty(name, out payload))
            {
                return null;
            }
        }

        return payload.ValueKind == JsonValueKind.String ? payload.GetString() : null;
    }
}
