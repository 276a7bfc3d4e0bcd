using System.Text.Json;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary>
/// Cinder's version documents (fixture cinder/api_samples/versions/versions-response.json): the same
/// list at <c>/volume/</c> (300, "all") and <c>/volume/v3/</c> (200, "index" at 3.0), without a token.
/// </summary>
internal static class VolumeVersions
{
    public static void Write(Utf8JsonWriter w, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteStartArray("versions");
        w.WriteStartObject();
        w.WriteString("id", "v3.0");
        w.WriteStartArray("links");
        w.WriteStartObject();
        w.WriteString("href", "https://docs.openstack.org/");
        w.WriteString("rel", "describedby");
        w.WriteString("type", "text/html");
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("href", baseUrl + "/volume/v3/");
        w.WriteString("rel", "self");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("media-types");
        w.WriteStartObject();
        w.WriteString("base", "application/json");
        w.WriteString("type", "application/vnd.openstack.volume+json;version=3");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("min_version", CinderMicroversions.Min.ToString());
        w.WriteString("status", "CURRENT");
        w.WriteString("updated", "2022-08-31T00:00:00Z");
        w.WriteString("version", CinderMicroversions.Max.ToString());
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
