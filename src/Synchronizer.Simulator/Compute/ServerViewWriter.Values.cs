using System.Globalization;
using System.Text.Json;

namespace Synchronizer.Simulator.Compute;

/// <summary>Scalar helpers: nova's two timestamp formats, nullable strings and string maps.</summary>
internal static partial class ServerViewWriter
{
    /// <summary>utils.isotime: whole seconds and a Z (created, updated, fault created).</summary>
    private static void WriteIsoTime(Utf8JsonWriter w, string name, DateTime value)
    {
        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        w.WriteString(name, text[..written]);
    }

    /// <summary>
    /// OS-SRV-USG times are naive datetimes that oslo's to_primitive writes with microseconds and no
    /// zone ("2013-09-23T13:53:12.774549"); MySQL keeps whole seconds, hence ".000000" (REALSTACK.md).
    /// </summary>
    private static void WriteUsageTime(Utf8JsonWriter w, string name, DateTime? value)
    {
        if (value is not { } time)
        {
            w.WriteNull(name);
            return;
        }

        Span<byte> text = stackalloc byte[32];
        time.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        w.WriteString(name, text[..written]);
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteStringMap(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> map)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private static void WriteBookmark(Utf8JsonWriter w, string href)
    {
        w.WriteStartArray("links");
        w.WriteStartObject();
        w.WriteString("rel", "bookmark");
        w.WriteString("href", href);
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
