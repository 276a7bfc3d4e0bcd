using System.Text.Encodings.Web;
using System.Text.Json;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Plugins.Nova.Zones;

/// <summary>
/// Turns the <c>availabilityZoneInfo</c> list into records, leaving out each service's
/// <c>updated_at</c> under <c>hosts.&lt;host&gt;.&lt;binary&gt;</c>: it is the service's heartbeat,
/// rewritten every <c>report_interval</c> (10 s), and would make every poll a change.
/// </summary>
internal static class ZoneView
{
    private const string Heartbeat = "updated_at";

    // Rewritten values keep their characters as the API sent them; the default encoder would escape
    // every non-ASCII letter of a name or description.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="FormatException">The body is not the list nova writes.</exception>
    public static IReadOnlyList<EntityRecord> ReadAll(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("availabilityZoneInfo", out var zones) || zones.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("no 'availabilityZoneInfo' array");
        }

        var records = new List<EntityRecord>(zones.GetArrayLength());
        foreach (var zone in zones.EnumerateArray())
        {
            if (zone.ValueKind != JsonValueKind.Object || !zone.TryGetProperty("zoneName", out var name) || name.GetString() is not { Length: > 0 } id)
            {
                throw new FormatException("a zone without a 'zoneName'");
            }

            records.Add(new EntityRecord(id, Write(zone)));
        }

        return records;
    }

    private static byte[] Write(JsonElement zone)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var property in zone.EnumerateObject())
            {
                if (property.NameEquals("hosts") && property.Value.ValueKind == JsonValueKind.Object)
                {
                    writer.WritePropertyName(property.Name);
                    WriteHosts(writer, property.Value);
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteHosts(Utf8JsonWriter writer, JsonElement hosts)
    {
        writer.WriteStartObject();
        foreach (var host in hosts.EnumerateObject())
        {
            if (host.Value.ValueKind != JsonValueKind.Object)
            {
                host.WriteTo(writer);
                continue;
            }

            writer.WriteStartObject(host.Name);
            foreach (var service in host.Value.EnumerateObject())
            {
                if (service.Value.ValueKind != JsonValueKind.Object)
                {
                    service.WriteTo(writer);
                    continue;
                }

                writer.WriteStartObject(service.Name);
                foreach (var field in service.Value.EnumerateObject().Where(f => !f.NameEquals(Heartbeat)))
                {
                    field.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
