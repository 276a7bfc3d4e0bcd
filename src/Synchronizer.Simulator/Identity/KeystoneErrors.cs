using System.Text;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Identity;

/// <summary>Keystone's error bodies (fixtures keystone/errors) and keystonemiddleware's 401.</summary>
internal static class KeystoneErrors
{
    public const string UnauthorizedMessage = "The request you have made requires authentication.";

    /// <summary>
    /// Keystone's Flask handler writes compact JSON with a trailing newline and, on 401, names itself in
    /// WWW-Authenticate (fixture keystone/errors/unauthorized-401-HTTP.txt).
    /// </summary>
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = $"Keystone uri=\"{RequestUrls.Base(context.Request)}/identity/v3\"";
        }

        var body = "{\"error\":{\"code\":" + status + ",\"message\":" + Quote(message) + ",\"title\":" + Quote(Title(status)) + "}}\n";
        return JsonResponses.SendAsync(context, status, Encoding.UTF8.GetBytes(body), JsonResponses.ContentType);
    }

    /// <summary>
    /// What keystonemiddleware (auth_token) answers in front of nova, cinder and heat when the token is
    /// missing, unknown, revoked or expired; its uri is the service's www_authenticate_uri.
    /// </summary>
    public static Task WriteServiceUnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = $"Keystone uri=\"{RequestUrls.Base(context.Request)}/identity\"";
        var body = "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"" + UnauthorizedMessage + "\"}}";
        return JsonResponses.SendAsync(context, StatusCodes.Status401Unauthorized, Encoding.UTF8.GetBytes(body), JsonResponses.ContentType);
    }

    public static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        429 => "Too Many Requests",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
