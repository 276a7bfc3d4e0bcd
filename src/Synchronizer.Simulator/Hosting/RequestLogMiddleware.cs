using System.Diagnostics;

namespace Synchronizer.Simulator.Hosting;

/// <summary>One log line per request, at Debug only, so the default level stays quiet under load.</summary>
internal sealed class RequestLogMiddleware
{
    private readonly ILogger _logger;

    public RequestLogMiddleware(ILogger logger)
    {
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var request = context.Request;
            var path = request.Path.Value ?? string.Empty;
            var query = request.QueryString.Value ?? string.Empty;
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.Request(_logger, request.Method, path, query, context.Response.StatusCode, elapsedMs);
        }
    }
}
