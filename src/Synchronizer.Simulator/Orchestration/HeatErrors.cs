using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Orchestration;

/// <summary>heat.api.middleware.fault.FaultWrapper's body (fixture heat/errors/stack-not-found-404.json).</summary>
internal static class HeatErrors
{
    public static Task WriteAsync(HttpContext context, HeatFaultException fault) =>
        JsonResponses.WriteAsync(context, fault.Status, w => Write(w, fault.Status, fault.Type, fault.SafeMessage));

    public static void Write(Utf8JsonWriter w, int status, string type, string? message)
    {
        w.WriteStartObject();
        w.WriteNumber("code", status);
        w.WriteString("title", KeystoneErrors.Title(status));
        w.WriteString("explanation", Explanation(status));
        w.WriteStartObject("error");
        w.WriteString("type", type);
        w.WriteNull("traceback");
        if (message is not null)
        {
            w.WriteString("message", message);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    // webob's class-level explanations, which heat sends whatever detail the exception had.
    private static string Explanation(int status) => status switch
    {
        400 => "The server could not comply with the request since it is either malformed or otherwise incorrect.",
        403 => "Access was denied to this resource.",
        404 => "The resource could not be found.",
        409 => "There was a conflict when trying to complete your request.",
        429 => "This request was rate-limited.",
        503 => "The server is currently unavailable. Please try again at a later time.",
        _ => "The server has either erred or is incapable of performing the requested operation.",
    };
}
