using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Control;

/// <summary>The control API under <c>/control</c>: not OpenStack, no auth, never faulted.</summary>
internal static class ControlRoutes
{
    public static void Map(IEndpointRouteBuilder routes, SimulatorParts parts)
    {
        var settings = parts.Settings;
        routes.MapGet("/control/status", settings.StatusAsync);
        MapServers(routes, parts.ControlEndpoints, parts.GroundTruth);

        var volumes = parts.VolumeControl;
        routes.MapPost("/control/volumes/seed", volumes.SeedAsync);
        routes.MapGet("/control/volumes", volumes.ListAsync);
        routes.MapPost("/control/volumes", volumes.CreateAsync);
        routes.MapGet("/control/volumes/{id}", volumes.ShowAsync);
        routes.MapPatch("/control/volumes/{id}", volumes.UpdateAsync);
        routes.MapDelete("/control/volumes/{id}", volumes.DeleteAsync);

        var stacks = parts.StackControl;
        routes.MapPost("/control/stacks/seed", stacks.SeedAsync);
        routes.MapGet("/control/stacks", stacks.ListAsync);
        routes.MapPost("/control/stacks", stacks.CreateAsync);
        routes.MapGet("/control/stacks/{id}", stacks.ShowAsync);
        routes.MapPatch("/control/stacks/{id}", stacks.UpdateAsync);
        routes.MapDelete("/control/stacks/{id}", stacks.DeleteAsync);

        var hypervisors = parts.HypervisorControl;
        routes.MapGet("/control/hypervisors", hypervisors.ListAsync);
        routes.MapPost("/control/hypervisors", hypervisors.CreateAsync);
        routes.MapPatch("/control/hypervisors/{id}", hypervisors.UpdateAsync);
        routes.MapDelete("/control/hypervisors/{id}", hypervisors.DeleteAsync);
        routes.MapGet("/control/zones", hypervisors.ZonesAsync);

        routes.MapGet("/control/faults", settings.ListFaultsAsync);
        routes.MapPost("/control/faults", settings.AddFaultAsync);
        routes.MapDelete("/control/faults", settings.ClearFaultsAsync);
        routes.MapPost("/control/tokens/revoke", settings.RevokeTokensAsync);
        routes.MapGet("/control/churn", settings.StatusAsync);
        routes.MapPost("/control/churn", settings.SetChurnAsync);
    }

    private static void MapServers(IEndpointRouteBuilder routes, ControlEndpoints servers, GroundTruthEndpoint groundTruth)
    {
        routes.MapPost("/control/servers/seed", servers.SeedAsync);
        routes.MapGet("/control/servers", groundTruth.ListAsync);
        routes.MapPost("/control/servers", servers.CreateAsync);
        routes.MapGet("/control/servers/{id}", servers.ShowAsync);
        routes.MapPatch("/control/servers/{id}", servers.UpdateAsync);
        routes.MapDelete("/control/servers/{id}", servers.DeleteAsync);
    }
}
