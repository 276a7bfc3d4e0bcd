using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Synchronizer.Service.AdminApi;

/// <summary>Writes the admin API's JSON bodies and errors.</summary>
internal static class AdminResponses
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static async Task WriteJsonAsync<T>(HttpContext context, int status, T body, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, body, type, context.RequestAborted);
    }

    /// <summary>Writes <c>{"error": {"code", "message"}}</c>.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteJsonAsync(context, status, new ErrorResponse(new ErrorBody(code, message)), AdminJsonContext.Default.ErrorResponse);

    /// <summary>Names the error of a status code that a handler left without a body (routing's 404 and 405, Kestrel's 400…).</summary>
    public static (string Code, string Message) Describe(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = $"{context.Request.Method} {context.Request.Path}";
        return context.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => ("BadRequest", $"{request} is malformed."),
            StatusCodes.Status404NotFound => ("NotFound", $"{request}: no such endpoint. Endpoints: GET /healthz, /readyz, /v1/types, /metrics; POST /v1/sync/{{entity_type}}."),
            StatusCodes.Status405MethodNotAllowed => ("MethodNotAllowed", $"{request}: this endpoint does not take {context.Request.Method}."),
            StatusCodes.Status413PayloadTooLarge => ("PayloadTooLarge", $"{request}: the body is too large; the admin API takes no request bodies."),
            var status => ("HttpError", $"{request} answered {status}."),
        };
    }
}
