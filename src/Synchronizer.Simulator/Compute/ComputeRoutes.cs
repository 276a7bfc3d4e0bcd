using Synchronizer.Simulator.Compute.Hosts;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute;

/// <summary>Nova under <c>/compute</c>, as devstack mounts it.</summary>
internal static class ComputeRoutes
{
    public static void Map(
        IEndpointRouteBuilder routes, ServerEndpoints servers, FlavorEndpoints flavors, HypervisorEndpoints hypervisors, ZoneEndpoints zones, NovaPipeline pipeline)
    {
        // Routing ignores a trailing slash, so these serve "/compute/" and "/compute/v2.1/" too.
        routes.MapGet("/compute", VersionsAsync);
        routes.MapGet("/compute/v2.1", VersionAsync);
        routes.MapGet("/compute/v2.1/servers", servers.ListAsync);
        routes.MapGet("/compute/v2.1/servers/detail", servers.ListDetailAsync);
        routes.MapGet("/compute/v2.1/servers/{id}", servers.ShowAsync);
        routes.MapGet("/compute/v2.1/flavors", flavors.ListAsync);
        routes.MapGet("/compute/v2.1/flavors/detail", flavors.ListDetailAsync);
        routes.MapGet("/compute/v2.1/flavors/{id}", flavors.ShowAsync);
        routes.MapGet("/compute/v2.1/os-hypervisors", hypervisors.ListAsync);
        routes.MapGet("/compute/v2.1/os-hypervisors/detail", hypervisors.ListDetailAsync);
        routes.MapGet("/compute/v2.1/os-hypervisors/{id}", hypervisors.ShowAsync);
        routes.MapGet("/compute/v2.1/os-availability-zone", zones.ListAsync);
        routes.MapGet("/compute/v2.1/os-availability-zone/detail", zones.ListDetailAsync);

        // Everything else below /v2.1 is behind keystonemiddleware too, so a 401 comes before the 404.
        routes.Map("/compute/v2.1/{**rest}", context => pipeline.RunAsync(context, NotFoundAsync));
    }

    private static Task VersionsAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, w => ComputeVersions.WriteAll(w, RequestUrls.Base(context.Request)));

    private static Task VersionAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, w => ComputeVersions.WriteOne(w, RequestUrls.Base(context.Request)));

    private static Task NotFoundAsync(NovaRequest request) =>
        throw new NovaFaultException(StatusCodes.Status404NotFound, "The resource could not be found.");
}
