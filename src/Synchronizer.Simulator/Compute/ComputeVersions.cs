using System.Text.Json;

namespace Synchronizer.Simulator.Compute;

/// <summary>
/// Nova's version documents (fixtures nova/api_samples/versions), served without a token as nova's
/// paste pipeline does; clients read them to find the microversion range.
/// </summary>
internal static class ComputeVersions
{
    /// <summary><c>GET /compute/</c>: both versions.</summary>
    public static void WriteAll(Utf8JsonWriter w, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteStartArray("versions");
        WriteLegacy(w, baseUrl);
        WriteCurrent(w, baseUrl, withMediaTypes: false);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary><c>GET /compute/v2.1</c>: the current version alone.</summary>
    public static void WriteOne(Utf8JsonWriter w, string baseUrl)
    {
        w.WriteStartObject();
        w.WritePropertyName("version");
        WriteCurrent(w, baseUrl, withMediaTypes: true);
        w.WriteEndObject();
    }

    private static void WriteLegacy(Utf8JsonWriter w, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", "v2.0");
        WriteSelfLink(w, baseUrl + "/compute/v2/");
        w.WriteString("status", "DEPRECATED");
        w.WriteString("version", string.Empty);
        w.WriteString("min_version", string.Empty);
        w.WriteString("updated", "2025-07-04T12:00:00Z");
        w.WriteEndObject();
    }

    private static void WriteCurrent(Utf8JsonWriter w, string baseUrl, bool withMediaTypes)
    {
        w.WriteStartObject();
        w.WriteString("id", "v2.1");
        w.WriteStartArray("links");
        w.WriteStartObject();
        w.WriteString("href", baseUrl + "/compute/v2.1/");
        w.WriteString("rel", "self");
        w.WriteEndObject();
        if (withMediaTypes)
        {
            w.WriteStartObject();
            w.WriteString("href", "http://docs.openstack.org/");
            w.WriteString("rel", "describedby");
            w.WriteString("type", "text/html");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (withMediaTypes)
        {
            w.WriteStartArray("media-types");
            w.WriteStartObject();
            w.WriteString("base", "application/json");
            w.WriteString("type", "application/vnd.openstack.compute+json;version=2.1");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteString("status", "CURRENT");
        w.WriteString("version", ComputeMicroversions.Max.ToString());
        w.WriteString("min_version", ComputeMicroversions.Min.ToString());
        w.WriteString("updated", "2013-07-23T11:33:21Z");
        w.WriteEndObject();
    }

    private static void WriteSelfLink(Utf8JsonWriter w, string href)
    {
        w.WriteStartArray("links");
        w.WriteStartObject();
        w.WriteString("href", href);
        w.WriteString("rel", "self");
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
