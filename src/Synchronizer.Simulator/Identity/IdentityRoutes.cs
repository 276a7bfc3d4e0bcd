using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Identity;

/// <summary>Keystone under <c>/identity</c>, as devstack mounts it.</summary>
internal static class IdentityRoutes
{
    public static void Map(IEndpointRouteBuilder routes, TokenEndpoints tokens)
    {
        // Routing ignores a trailing slash, so these serve "/identity/" and "/identity/v3/" too.
        routes.MapGet("/identity", VersionsAsync);
        routes.MapGet("/identity/v3", VersionAsync);
        routes.MapPost("/identity/v3/auth/tokens", tokens.IssueAsync);
        routes.MapMethods("/identity/v3/auth/tokens", [HttpMethods.Get, HttpMethods.Head], tokens.ValidateAsync);
        routes.MapDelete("/identity/v3/auth/tokens", tokens.RevokeAsync);
        routes.Map("/identity/{**rest}", NotFoundAsync);
    }

    private static Task VersionsAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status300MultipleChoices, w => IdentityVersions.WriteAll(w, RequestUrls.Base(context.Request)));

    private static Task VersionAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, w => IdentityVersions.WriteOne(w, RequestUrls.Base(context.Request)));

    private static Task NotFoundAsync(HttpContext context) =>
        KeystoneErrors.WriteAsync(context, StatusCodes.Status404NotFound, "The resource could not be found.");
}
