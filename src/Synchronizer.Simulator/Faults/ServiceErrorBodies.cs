using System.Text;
using System.Text.Json;
using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;

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

            // Cinder kept nova's wsgi.Fault, names and all, including computeFault for a 500.
            "compute" or "volume" => NovaFaults.WriteAsync(context, status, message, retryAfter),
            "orchestration" => JsonResponses.WriteAsync(context, status, w => WriteHeatError(w, status, message)),
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

    // heat.api.middleware.fault.FaultWrapper (fixture heat/errors/stack-not-found-404.json).
    private static void WriteHeatError(Utf8JsonWriter w, int status, string message)
    {
        w.WriteStartObject();
        w.WriteString("explanation", message);
        w.WriteNumber("code", status);
        w.WriteStartObject("error");
        w.WriteString("message", message);
        w.WriteNull("traceback");
        w.WriteString("type", status >= 500 ? "HTTPInternalServerError" : "HTTPClientError");
        w.WriteEndObject();
        w.WriteString("title", KeystoneErrors.Title(status));
        w.WriteEndObject();
    }
}
