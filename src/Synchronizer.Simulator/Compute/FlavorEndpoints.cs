using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute;

/// <summary>
/// <c>GET /compute/v2.1/flavors[/detail]</c> and <c>/flavors/{id}</c> over the fixed flavors (fixture
/// nova/api_samples/flavors/v2.1/flavors-detail-resp.json): clients such as openstackclient read them
/// to name a server's flavor before 2.47.
/// </summary>
internal sealed class FlavorEndpoints
{
    private static readonly ApiVersion Description = new(2, 55);
    private static readonly ApiVersion ExtraSpecs = new(2, 61);
    private static readonly ApiVersion IntegerSwap = new(2, 75);

    private readonly NovaPipeline _pipeline;

    public FlavorEndpoints(NovaPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    public Task ListAsync(HttpContext context) => _pipeline.RunAsync(context, r => ListAsync(r, detail: false));

    public Task ListDetailAsync(HttpContext context) => _pipeline.RunAsync(context, r => ListAsync(r, detail: true));

    public Task ShowAsync(HttpContext context) => _pipeline.RunAsync(context, request =>
    {
        var id = (string)request.Context.GetRouteValue("id")!;
        var flavor = ComputeCatalog.Flavors.FirstOrDefault(f => f.Id == id)
            ?? throw new NovaFaultException(StatusCodes.Status404NotFound, $"Flavor {id} could not be found.");
        return JsonResponses.WriteAsync(request.Context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("flavor");
            Write(w, flavor, request, detail: true);
            w.WriteEndObject();
        });
    });

    // Four flavors never fill a page, so there is no flavors_links.
    private static Task ListAsync(NovaRequest request, bool detail) =>
        JsonResponses.WriteAsync(request.Context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("flavors");
            foreach (var flavor in ComputeCatalog.Flavors)
            {
                Write(w, flavor, request, detail);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void Write(Utf8JsonWriter w, FlavorSpec flavor, NovaRequest request, bool detail)
    {
        w.WriteStartObject();
        w.WriteString("id", flavor.Id);
        w.WriteString("name", flavor.Name);
        if (detail)
        {
            w.WriteNumber("ram", flavor.RamMb);
            w.WriteNumber("disk", flavor.DiskGb);
            w.WriteNumber("vcpus", flavor.Vcpus);
            w.WriteNumber("OS-FLV-EXT-DATA:ephemeral", flavor.EphemeralGb);
            w.WriteBoolean("OS-FLV-DISABLED:disabled", false);
            w.WriteBoolean("os-flavor-access:is_public", true);

            // Before 2.75 a flavor without swap says "" rather than 0.
            if (flavor.Swap == 0 && request.Version < IntegerSwap)
            {
                w.WriteString("swap", string.Empty);
            }
            else
            {
                w.WriteNumber("swap", flavor.Swap);
            }

            w.WriteNumber("rxtx_factor", 1.0);
        }

        w.WriteStartArray("links");
        w.WriteStartObject();
        w.WriteString("href", request.ComputeUrl + "/flavors/" + flavor.Id);
        w.WriteString("rel", "self");
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("href", request.BaseUrl + "/compute/flavors/" + flavor.Id);
        w.WriteString("rel", "bookmark");
        w.WriteEndObject();
        w.WriteEndArray();
        if (request.Version >= Description)
        {
            w.WriteNull("description");
        }

        if (detail && request.Version >= ExtraSpecs)
        {
            w.WriteStartObject("extra_specs");
            foreach (var (key, value) in flavor.ExtraSpecs)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
