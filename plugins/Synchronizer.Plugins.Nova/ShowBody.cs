using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Plugins.Nova;

/// <summary>Reads the body of a "show" call, <c>{"server": {...}}</c>, into a record.</summary>
internal static class ShowBody
{
    // Rewritten values keep their characters as the API sent them; the default encoder would escape
    // every non-ASCII letter of a name or description.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads the entity under <paramref name="key"/>, leaving out <paramref name="showOnly"/>: fields the show call adds to the list's representation.</summary>
    public static EntityRecord Parse(byte[] body, string key, string path, IReadOnlySet<string> showOnly)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(key, out var entity) && entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("id", out var id) && IdText(id) is { } text)
            {
                return new EntityRecord(text, showOnly.Count == 0 ? JsonMarshal.GetRawUtf8Value(entity).ToArray() : Without(entity, showOnly));
            }
        }
        catch (JsonException ex)
        {
            throw new OpenStackException($"compute GET {path} answered JSON that cannot be parsed: {ex.Message}", ex);
        }

        throw new OpenStackException($"compute GET {path} answered a body without a '{key}' object holding an id.");
    }

    private static byte[] Without(JsonElement entity, IReadOnlySet<string> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var property in entity.EnumerateObject().Where(p => !fields.Contains(p.Name)))
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // Hypervisor ids are integers before microversion 2.53; the list writes them the same way.
    private static string? IdText(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.String when id.GetString() is { Length: > 0 } text => text,
        JsonValueKind.Number => id.GetRawText(),
        _ => null,
    };
}
