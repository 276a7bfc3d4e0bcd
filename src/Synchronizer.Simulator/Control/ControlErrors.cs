using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Control;

/// <summary>The control API's errors, <c>{"error": {"code", "message"}}</c>.</summary>
internal static class ControlErrors
{
    /// <summary>Runs a handler, turning a bad body or argument into a 400 and a refused change into a 409.</summary>
    public static async Task GuardAsync(HttpContext context, Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (JsonException e)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid JSON body: " + e.Message);
        }
        catch (ArgumentException e)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, e.Message);
        }
        catch (InvalidOperationException e)
        {
            await WriteAsync(context, StatusCodes.Status409Conflict, e.Message);
        }
    }

    public static Task NotFoundAsync(HttpContext context, string id, string kind = "Server") =>
        WriteAsync(context, StatusCodes.Status404NotFound, $"{kind} {id} does not exist or is deleted.");

    public static Task WriteAsync(HttpContext context, int status, string message) =>
        JsonResponses.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteNumber("code", status);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndObject();
        });
}
