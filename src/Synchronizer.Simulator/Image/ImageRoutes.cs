using System.Text;
using System.Text.Json;
using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Image;

/// <summary>
/// A minimal glance under <c>/image</c>, serving the one image servers boot from: openstackclient's
/// <c>server list</c> needs an image endpoint in the catalog and lists images to name them (fixture
/// glance/api_samples/images/image-show-response.json). Glance's links are relative paths.
/// </summary>
internal static class ImageRoutes
{
    public static void Map(IEndpointRouteBuilder routes, ServiceAuthenticator authenticator)
    {
        routes.MapGet("/image", context => WriteVersionsAsync(context, StatusCodes.Status300MultipleChoices));
        routes.MapGet("/image/versions", context => WriteVersionsAsync(context, StatusCodes.Status200OK));
        routes.MapGet("/image/v2/images", context => AuthenticatedAsync(context, authenticator, ListAsync));
        routes.MapGet("/image/v2/images/{id}", context => AuthenticatedAsync(context, authenticator, ShowAsync));
    }

    private static Task AuthenticatedAsync(HttpContext context, ServiceAuthenticator authenticator, Func<HttpContext, Task> handler) =>
        authenticator.Authenticate(context) is null ? ServiceAuthenticator.RejectAsync(context) : handler(context);

    private static Task ListAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("images");
            WriteImage(w, ComputeCatalog.Image);
            w.WriteEndArray();
            w.WriteString("first", "/v2/images");
            w.WriteString("schema", "/v2/schemas/images");
            w.WriteEndObject();
        });

    private static Task ShowAsync(HttpContext context)
    {
        var id = (string)context.GetRouteValue("id")!;
        if (id != ComputeCatalog.Image.Id)
        {
            // webob's HTTPNotFound rendered as text, as glance answers a client that does not ask for JSON.
            var text = $"404 Not Found\n\nNo image found with ID {id}\n\n   ";
            return JsonResponses.SendAsync(context, StatusCodes.Status404NotFound, Encoding.UTF8.GetBytes(text), "text/plain; charset=UTF-8");
        }

        return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, w => WriteImage(w, ComputeCatalog.Image));
    }

    private static void WriteImage(Utf8JsonWriter w, ImageSpec image)
    {
        w.WriteStartObject();
        w.WriteString("status", "active");
        w.WriteString("name", image.Name);
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteString("container_format", "bare");
        w.WriteString("created_at", "2025-06-02T09:14:27Z");
        w.WriteString("disk_format", "qcow2");
        w.WriteString("updated_at", "2025-06-02T09:14:28Z");
        w.WriteString("visibility", "public");
        w.WriteString("self", "/v2/images/" + image.Id);
        w.WriteNumber("min_disk", 0);
        w.WriteBoolean("protected", false);
        w.WriteString("id", image.Id);
        w.WriteString("file", $"/v2/images/{image.Id}/file");
        w.WriteString("checksum", "c8fc807773e5354afe61636071771906");
        w.WriteString("os_hash_algo", "sha512");
        w.WriteString("os_hash_value", "1103b92ce8ad966e41235a4de260deb791ff571670c0342666c8582fbb9caefe6af07ebb11d34f44f8414b609b29c1bdf1d72ffa6faa39c88e8721d09847952b");
        w.WriteBoolean("os_hidden", false);
        w.WriteString("owner", KeystoneIds.For("project", "admin"));
        w.WriteNumber("size", 21430272);
        w.WriteNumber("min_ram", 0);
        w.WriteString("schema", "/v2/schemas/image");
        w.WriteNull("virtual_size");
        foreach (var (key, value) in image.Properties)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    // glance.api.versions: v2.16 is Zed's newest; the older v2 minors are still SUPPORTED.
    private static Task WriteVersionsAsync(HttpContext context, int status) =>
        JsonResponses.WriteAsync(context, status, w =>
        {
            var href = RequestUrls.Base(context.Request) + "/image/v2/";
            w.WriteStartObject();
            w.WriteStartArray("versions");
            foreach (var (id, state) in new[] { ("v2.16", "CURRENT"), ("v2.15", "SUPPORTED"), ("v2.9", "SUPPORTED"), ("v2.0", "SUPPORTED") })
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("status", state);
                w.WriteStartArray("links");
                w.WriteStartObject();
                w.WriteString("rel", "self");
                w.WriteString("href", href);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
}
