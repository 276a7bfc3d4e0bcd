using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Orchestration;

/// <summary>Heat under <c>/orchestration</c>, as devstack mounts it.</summary>
internal static class OrchestrationRoutes
{
    public static void Map(IEndpointRouteBuilder routes, StackEndpoints stacks, HeatPipeline pipeline)
    {
        routes.MapGet("/orchestration", VersionsAsync);
        routes.MapGet("/orchestration/v1/{project_id}/stacks", stacks.ListAsync);
        routes.MapGet("/orchestration/v1/{project_id}/stacks/{stack_name}", stacks.LookupAsync);
        routes.MapGet("/orchestration/v1/{project_id}/stacks/{stack_name}/{stack_id}", stacks.ShowAsync);
        routes.Map("/orchestration/v1/{**rest}", context => pipeline.RunAsync(context, NotFoundAsync));
    }

    // heat.api.versions.Controller: 300 Multiple Choices with the one version, without a token.
    private static Task VersionsAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status300MultipleChoices, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("versions");
            w.WriteStartObject();
            w.WriteString("id", "v1.0");
            w.WriteString("status", "CURRENT");
            w.WriteStartArray("links");
            w.WriteStartObject();
            w.WriteString("rel", "self");
            w.WriteString("href", RequestUrls.Base(context.Request) + "/orchestration/v1/");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static Task NotFoundAsync(HeatRequest request) =>
        throw new HeatFaultException(StatusCodes.Status404NotFound, "HTTPNotFound", safeMessage: null);
}
