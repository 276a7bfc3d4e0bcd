using System.Net;
using System.Text;

namespace Synchronizer.Plugins.Testing;

/// <summary>What <see cref="FixtureOpenStackClient"/> answers to a request: a status and a body.</summary>
/// <param name="Status">The HTTP status; anything outside 2xx makes the client throw <see cref="OpenStack.OpenStackApiException"/>.</param>
/// <param name="Body">The UTF-8 body.</param>
public sealed record FixtureResponse(HttpStatusCode Status, ReadOnlyMemory<byte> Body)
{
    /// <summary>A 200 with <paramref name="body"/>.</summary>
    /// <param name="body">The response body, for example a fixture file's bytes.</param>
    /// <returns>The response.</returns>
    public static FixtureResponse Ok(ReadOnlyMemory<byte> body) => new(HttpStatusCode.OK, body);

    /// <summary>A 200 with <paramref name="json"/> as its body.</summary>
    /// <param name="json">The JSON text of the body.</param>
    /// <returns>The response.</returns>
    public static FixtureResponse Ok(string json) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(json));

    /// <summary>A 404, optionally with the service's own error body.</summary>
    /// <param name="body">The error body, for example the shared fixture <c>itemNotFound-404.json</c>; empty when omitted.</param>
    /// <returns>The response.</returns>
    public static FixtureResponse NotFound(ReadOnlyMemory<byte> body = default) => new(HttpStatusCode.NotFound, body);
}
