using System.Runtime.InteropServices;
using System.Text.Json;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Plugins.Cinder;

/// <summary>Reads the body of a "show" call, <c>{"volume": {...}}</c>, into a record.</summary>
internal static class ShowBody
{
    public static EntityRecord Parse(byte[] body, string key, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(key, out var entity) && entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text)
            {
                return new EntityRecord(text, JsonMarshal.GetRawUtf8Value(entity).ToArray());
            }
        }
        catch (JsonException ex)
        {
            throw new OpenStackException($"GET {path} answered JSON that cannot be parsed: {ex.Message}", ex);
        }

        throw new OpenStackException($"GET {path} answered a body without a '{key}' object holding an id.");
    }
}
