using System.Globalization;
using System.Text.Json;

namespace Synchronizer.Simulator.Hosting;

/// <summary>JSON value forms the OpenStack services share, for the simulator's view writers.</summary>
internal static class JsonValues
{
    public static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
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

    public static void WriteStringMap(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> map)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// A naive datetime as oslo's to_primitive writes it: microseconds, no zone
    /// ("2013-09-23T13:53:12.774549"); MySQL keeps whole seconds, hence ".000000" (REALSTACK.md).
    /// </summary>
    public static void WriteNaiveTime(Utf8JsonWriter w, string name, DateTime? value)
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
}
