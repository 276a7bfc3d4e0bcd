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
