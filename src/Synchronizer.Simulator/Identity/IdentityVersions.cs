using System.Text.Json;

namespace Synchronizer.Simulator.Identity;

/// <summary>Keystone's version discovery documents, which keystoneauth reads before it authenticates.</summary>
internal static class IdentityVersions
{
    // Keystone has reported v3.14 since Ussuri, Zed included.
    private const string Id = "v3.14";
    private const string Updated = "2020-04-07T00:00:00Z";

    /// <summary><c>GET /identity</c>: 300 Multiple Choices listing the one version.</summary>
    public static void WriteAll(Utf8JsonWriter writer, string baseUrl)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("versions");
        writer.WriteStartArray("values");
        WriteVersion(writer, baseUrl);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary><c>GET /identity/v3</c>: 200 with the version alone.</summary>
    public static void WriteOne(Utf8JsonWriter writer, string baseUrl)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("version");
        WriteVersion(writer, baseUrl);
        writer.WriteEndObject();
    }

    private static void WriteVersion(Utf8JsonWriter writer, string baseUrl)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteString("status", "stable");
        writer.WriteString("updated", Updated);
        writer.WriteStartArray("links");
        writer.WriteStartObject();
        writer.WriteString("rel", "self");
        writer.WriteString("href", baseUrl + "/identity/v3/");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartArray("media-types");
        writer.WriteStartObject();
        writer.WriteString("base", "application/json");
        writer.WriteString("type", "application/vnd.openstack.identity-v3+json");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
