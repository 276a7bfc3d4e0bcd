using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary>
/// Cinder's fault bodies: cinder.api.openstack.wsgi.Fault has nova's fault names and layout (fixture
/// cinder/errors/itemNotFound-404.json) but answers with a plain application/json content type.
/// </summary>
internal static class CinderFaults
{
    public const string GenericServerErrorMessage = NovaFaults.GenericServerErrorMessage;

    // webob's HTTPBadRequest explanation, which FaultWrapper keeps when an exception is not "safe".
    public const string BadRequestExplanation = "The server could not comply with the request since it is either malformed or otherwise incorrect.";

    public static Task WriteAsync(HttpContext context, int status, string message) =>
        JsonResponses.WriteAsync(context, status, w => NovaFaults.Write(w, status, message));
}
