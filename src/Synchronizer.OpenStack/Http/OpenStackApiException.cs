using System.Net;

namespace Synchronizer.OpenStack;

/// <summary>An OpenStack API answered with an error status.</summary>
public sealed class OpenStackApiException : OpenStackException
{
    /// <summary>Initializes a new instance of the <see cref="OpenStackApiException"/> class.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="message">What failed, with the request path and the API's own message.</param>
    public OpenStackApiException(HttpStatusCode statusCode, string message)
        : base(message) => StatusCode = statusCode;

    /// <summary>Gets the HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }
}
