using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute;

/// <summary>Nova's fault bodies, as nova.api.openstack.wsgi.Fault writes them (fixtures nova/errors).</summary>
internal static class NovaFaults
{
    // The text FaultWrapper puts in place of an unexpected exception's own (fixture computeFault-500.json).
    public const string GenericServerErrorMessage = "The server has either erred or is incapable of performing the requested operation.";

    // Faults carry nova's "; charset=UTF-8", unlike its successful responses (fixtures SOURCES.md, nova/errors).
    public const string ContentType = "application/json; charset=UTF-8";

    /// <summary>wsgi.Fault._fault_names; every other status is a computeFault.</summary>
    public static string Name(int status) => status switch
    {
        400 => "badRequest",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "itemNotFound",
        405 => "badMethod",
        409 => "conflictingRequest",
        413 => "overLimit",
        415 => "badMediaType",
        429 => "overLimit",
        501 => "notImplemented",
        503 => "serviceUnavailable",
        _ => "computeFault",
    };

    public static Task WriteAsync(HttpContext context, int status, string message, string? retryAfter = null) =>
        JsonResponses.WriteAsync(context, status, w => Write(w, status, message, retryAfter), ContentType);

    public static void Write(Utf8JsonWriter writer, int status, string message, string? retryAfter = null)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(Name(status));
        writer.WriteNumber("code", status);
        writer.WriteString("message", message);

        // Fault adds the Retry-After value to the body of an overLimit, besides the header.
        if (retryAfter is not null && status is 413 or 429)
        {
            writer.WriteString("retryAfter", retryAfter);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
