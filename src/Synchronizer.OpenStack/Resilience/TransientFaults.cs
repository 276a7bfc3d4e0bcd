using System.Net;
using Polly;
using Polly.Timeout;

namespace Synchronizer.OpenStack.Resilience;

/// <summary>Which failed attempts are worth another: the service or the network may recover, the request itself is fine.</summary>
internal static class TransientFaults
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception ? IsTransient(exception) : IsTransient(outcome.Result!.StatusCode);

    // 501 Not Implemented and 505 HTTP Version Not Supported give the same answer every time. Any other
    // 4xx (400, 401, 403, 404, 406, 409 …) is about the request: repeating it cannot help; a 401 is
    // handled once, with a new token, by the client above.
    public static bool IsTransient(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported => false,
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => true,
        _ => (int)status >= 500,
    };

    private static bool IsTransient(Exception exception) => exception switch
    {
        // An attempt that ran out of its own time-out; the caller's cancellation never gets here as this.
        TimeoutRejectedException => true,
        HttpRequestException http => http.HttpRequestError is not (HttpRequestError.SecureConnectionError
            or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.UserAuthenticationError
            or HttpRequestError.VersionNegotiationError),

        // The connection broke while the body was read.
        IOException => true,
        _ => false,
    };
}
