using System.Text;
using Synchronizer.Simulator.BlockStorage;
using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;
using Synchronizer.Simulator.Orchestration;

namespace Synchronizer.Simulator.Faults;

/// <summary>An injected error in the body format of the service it stands in for.</summary>
internal static class ServiceErrorBodies
{
    public static Task WriteAsync(HttpContext context, string service, int status, string? retryAfter)
    {
        var message = DefaultMessage(status);
        return service switch
        {
            "identity" => KeystoneErrors.WriteAsync(context, status, message),
            "compute" => NovaFaults.WriteAsync(context, status, message, retryAfter),

            // Cinder kept nova's wsgi.Fault, names and all, including computeFault for a 500.
            "volume" => CinderFaults.WriteAsync(context, status, message),
            "orchestration" => JsonResponses.WriteAsync(context, status, w => HeatErrors.Write(w, status, HeatType(status), message)),
            _ => JsonResponses.SendAsync(context, status, Encoding.UTF8.GetBytes(message), "text/plain"),
        };
    }

    private static string DefaultMessage(int status) => status switch
    {
        500 => NovaFaults.GenericServerErrorMessage,
        503 => "The service is temporarily unavailable. Please try again later.",
        429 => "This request was rate-limited.",
        _ => KeystoneErrors.Title(status),
    };

    // The webob class heat's FaultWrapper would name for a bare HTTP error of that status.
    private static string HeatType(int status) => status switch
    {
        400 => "HTTPBadRequest",
        404 => "HTTPNotFound",
        429 => "HTTPTooManyRequests",
        503 => "HTTPServiceUnavailable",
        _ => "HTTPInternalServerError",
    };
}
