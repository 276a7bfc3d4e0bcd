using System.Globalization;
using System.Text;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Faults;

/// <summary>Applies the first matching <see cref="FaultRule"/> to an OpenStack API request; /control is never faulted.</summary>
internal sealed class FaultMiddleware
{
    // What devstack's Apache (mod_proxy_uwsgi) answers when the service behind it is down.
    private const string ProxyErrorPage =
        "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>502 Proxy Error</title>\n</head><body>\n"
        + "<h1>Proxy Error</h1>\n<p>The proxy server received an invalid\r\nresponse from an upstream server.<br />\r\n"
        + "The proxy server could not handle the request<p>Reason: <strong>Error reading from remote server</strong></p></p>\n"
        + "<hr>\n<address>Apache/2.4.62 (Debian) Server at 127.0.0.1 Port 80</address>\n</body></html>\n";

    private readonly FaultRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public FaultMiddleware(FaultRegistry registry, TimeProvider time, ILogger logger)
    {
        _registry = registry;
        _time = time;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var service = ServiceOf(path);
        var rule = service is null ? null : _registry.Match(service, request.Method, path, request.QueryString.Value ?? string.Empty);
        if (rule is null)
        {
            await next(context);
            return;
        }

        Log.FaultInjected(_logger, rule.Kind, request.Method, path);
        if (rule.DelayMs is > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(rule.DelayMs.Value), _time, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client gave up waiting, which is what a delay fault is there to provoke.
                return;
            }
        }

        switch (rule.Kind)
        {
            case FaultKinds.Status when rule.Body is not null:
                await JsonResponses.SendAsync(context, rule.Status ?? 500, Encoding.UTF8.GetBytes(rule.Body), JsonResponses.ContentType);
                break;
            case FaultKinds.Status:
                await ServiceErrorBodies.WriteAsync(context, service!, rule.Status ?? 500, retryAfter: null);
                break;
            case FaultKinds.RetryAfter:
                var seconds = (rule.RetryAfterSeconds ?? 1).ToString(CultureInfo.InvariantCulture);
                context.Response.Headers.RetryAfter = seconds;
                await ServiceErrorBodies.WriteAsync(context, service!, rule.Status ?? 503, seconds);
                break;
            case FaultKinds.MalformedJson:
                await TruncateAsync(context, next);
                break;
            case FaultKinds.Html:
                await JsonResponses.SendAsync(context, StatusCodes.Status502BadGateway, Encoding.UTF8.GetBytes(ProxyErrorPage), "text/html; charset=iso-8859-1");
                break;
            case FaultKinds.Reset:
                context.Abort();
                break;
            default:
                await next(context);
                break;
        }
    }

    /// <summary>The path prefix names the service, as on a devstack host.</summary>
    internal static string? ServiceOf(string path)
    {
        foreach (var service in (ReadOnlySpan<string>)["identity", "compute", "volume", "orchestration", "image"])
        {
            if (path.StartsWith("/" + service, StringComparison.Ordinal)
                && (path.Length == service.Length + 1 || path[service.Length + 1] == '/'))
            {
                return service;
            }
        }

        return null;
    }

    // A body cut short with a matching Content-Length: the HTTP exchange is clean, the JSON is not.
    private static async Task TruncateAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        var cut = body.Length > 1 ? body.AsMemory(0, body.Length / 2) : "{"u8.ToArray();
        context.Response.ContentLength = cut.Length;
        await original.WriteAsync(cut, context.RequestAborted);
    }
}
