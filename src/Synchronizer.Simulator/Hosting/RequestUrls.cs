namespace Synchronizer.Simulator.Hosting;

/// <summary>The URLs a response refers to, built from the request like the WSGI services do.</summary>
internal static class RequestUrls
{
    /// <summary>
    /// Scheme, host and port as the client dialled them (its Host header), without a trailing slash.
    /// Keystone's catalog and nova's links come from the WSGI environ the same way, so a client that
    /// reached the simulator as "localhost" gets "localhost" links back.
    /// </summary>
    public static string Base(HttpRequest request) => string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value);

    /// <summary>A request id in the oslo.middleware form, <c>req-&lt;uuid&gt;</c>.</summary>
    public static string NewRequestId() => "req-" + Guid.NewGuid().ToString("D");
}
