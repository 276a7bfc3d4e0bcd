using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary>Cinder under <c>/volume</c>, as devstack mounts it.</summary>
internal static class BlockStorageRoutes
{
    public static void Map(IEndpointRouteBuilder routes, VolumeEndpoints volumes, CinderPipeline pipeline)
    {
        routes.MapGet("/volume", context => WriteVersionsAsync(context, StatusCodes.Status300MultipleChoices));
        routes.MapGet("/volume/v3", context => WriteVersionsAsync(context, StatusCodes.Status200OK));
        routes.MapGet("/volume/v3/{project_id}/volumes", volumes.ListAsync);
        routes.MapGet("/volume/v3/{project_id}/volumes/detail", volumes.ListDetailAsync);
        routes.MapGet("/volume/v3/{project_id}/volumes/{id}", volumes.ShowAsync);

        // Everything else below /v3 is behind keystonemiddleware too, so a 401 comes before the 404.
        routes.Map("/volume/v3/{**rest}", context => pipeline.RunAsync(context, NotFoundAsync));
    }

    private static Task WriteVersionsAsync(HttpContext context, int status) =>
        JsonResponses.WriteAsync(context, status, w => VolumeVersions.Write(w, RequestUrls.Base(context.Request)));

    private static Task NotFoundAsync(CinderRequest request) =>
        throw new CinderFaultException(StatusCodes.Status404NotFound, "The resource could not be found.");
}
