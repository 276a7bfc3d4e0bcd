namespace Synchronizer.Simulator.Control;

/// <summary>The control API under <c>/control</c>: not OpenStack, no auth, never faulted.</summary>
internal static class ControlRoutes
{
    public static void Map(IEndpointRouteBuilder routes, ControlEndpoints servers, GroundTruthEndpoint groundTruth, SettingsEndpoints settings)
    {
        routes.MapGet("/control/status", settings.StatusAsync);
        routes.MapPost("/control/servers/seed", servers.SeedAsync);
        routes.MapGet("/control/servers", groundTruth.ListAsync);
        routes.MapPost("/control/servers", servers.CreateAsync);
        routes.MapGet("/control/servers/{id}", servers.ShowAsync);
        routes.MapPatch("/control/servers/{id}", servers.UpdateAsync);
        routes.MapDelete("/control/servers/{id}", servers.DeleteAsync);
        routes.MapGet("/control/faults", settings.ListFaultsAsync);
        routes.MapPost("/control/faults", settings.AddFaultAsync);
        routes.MapDelete("/control/faults", settings.ClearFaultsAsync);
        routes.MapPost("/control/tokens/revoke", settings.RevokeTokensAsync);
        routes.MapGet("/control/churn", settings.StatusAsync);
        routes.MapPost("/control/churn", settings.SetChurnAsync);
    }
}
