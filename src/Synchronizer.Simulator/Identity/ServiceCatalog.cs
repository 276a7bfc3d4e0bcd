using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Identity;

/// <summary>
/// The catalog of a devstack-like cloud: one port, each service under its own path, the same URL
/// for the public, internal and admin interfaces (REALSTACK.md, endpoints table).
/// </summary>
internal static class ServiceCatalog
{
    public static readonly CatalogService Identity = new("identity", "keystone", "/identity");
    public static readonly CatalogService Compute = new("compute", "nova", "/compute/v2.1");

    // Cinder registers itself twice, under the old volumev3 type and the block-storage type.
    public static readonly CatalogService VolumeV3 = new("volumev3", "cinderv3", "/volume/v3/{project_id}");
    public static readonly CatalogService BlockStorage = new("block-storage", "cinder", "/volume/v3/{project_id}");
    public static readonly CatalogService Orchestration = new("orchestration", "heat", "/orchestration/v1/{project_id}");

    // Only the image servers boot from; openstackclient's server list wants an image endpoint to name it.
    public static readonly CatalogService Image = new("image", "glance", "/image");

    public static readonly IReadOnlyList<CatalogService> All = [Identity, Compute, VolumeV3, BlockStorage, Orchestration, Image];

    private static readonly string[] Interfaces = ["public", "internal", "admin"];

    public static void Write(Utf8JsonWriter writer, string baseUrl, string projectId)
    {
        writer.WriteStartArray("catalog");
        foreach (var service in All)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("endpoints");
            foreach (var endpointInterface in Interfaces)
            {
                writer.WriteStartObject();
                writer.WriteString("id", service.EndpointId(endpointInterface));
                writer.WriteString("interface", endpointInterface);
                writer.WriteString("region_id", SimulatorDefaults.Region);
                writer.WriteString("url", service.Url(baseUrl, projectId));
                writer.WriteString("region", SimulatorDefaults.Region);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("id", service.Id);
            writer.WriteString("type", service.Type);
            writer.WriteString("name", service.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
