using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Synchronizer.OpenStack;

namespace Synchronizer.Plugins.Testing;

/// <summary>
/// An <see cref="IOpenStackClient"/> that answers from recorded responses, for poller unit tests
/// without HTTP: register it in the service collection in place of the real client.
/// </summary>
/// <remarks>
/// Routes are tried in the order they were added; the first that answers wins. A request no route
/// answers gets a 404, as a real API gives for an unknown resource. Every request is recorded in
/// <see cref="Requests"/>, so a test can check paths, query parameters, service types and microversions.
/// </remarks>
public sealed class FixtureOpenStackClient : IOpenStackClient
{
    private readonly List<Func<OpenStackRequest, FixtureResponse?>> _routes = [];
    private readonly ConcurrentQueue<OpenStackRequest> _requests = new();

    /// <summary>Gets every request received so far, in order.</summary>
    public IReadOnlyList<OpenStackRequest> Requests => [.. _requests];

    /// <summary>Reads a query parameter of a request, unescaped.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The parameter name, for example <c>marker</c>.</param>
    /// <returns>The first value of the parameter, or <see langword="null"/> when it is absent.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string? QueryValue(OpenStackRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(name);
        var start = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        foreach (var pair in request.PathAndQuery[(start + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            if (Uri.UnescapeDataString(key) == name)
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }

    /// <summary>Adds a route: a function that answers a request, or returns <see langword="null"/> to pass it on.</summary>
    /// <param name="route">The route.</param>
    /// <returns>This client, to chain calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="route"/> is null.</exception>
    public FixtureOpenStackClient On(Func<OpenStackRequest, FixtureResponse?> route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _routes.Add(route);
        return this;
    }

    /// <summary>Answers one page of a list: requests for <paramref name="path"/> whose <c>marker</c> parameter is <paramref name="marker"/>.</summary>
    /// <param name="serviceType">The catalog service type, for example <c>orchestration</c>.</param>
    /// <param name="path">The path without query, for example <c>/stacks</c>.</param>
    /// <param name="body">The page body.</param>
    /// <param name="marker">The marker of this page; <see langword="null"/> for the first page.</param>
    /// <returns>This client, to chain calls.</returns>
    public FixtureOpenStackClient OnPage(string serviceType, string path, ReadOnlyMemory<byte> body, string? marker = null) =>
        On(r => r.ServiceType == serviceType && r.Path == path && QueryValue(r, "marker") == marker ? FixtureResponse.Ok(body) : null);

    /// <summary>Answers every request for exactly <paramref name="path"/>, whatever its query.</summary>
    /// <param name="serviceType">The catalog service type, for example <c>volumev3</c>.</param>
    /// <param name="path">The path without query, for example <c>/volumes/6edbc2f4-1507-44f8-ac0d-eed1d2608d38</c>.</param>
    /// <param name="response">The answer.</param>
    /// <returns>This client, to chain calls.</returns>
    public FixtureOpenStackClient OnPath(string serviceType, string path, FixtureResponse response) =>
        On(r => r.ServiceType == serviceType && r.Path == path ? response : null);

    /// <inheritdoc />
    public Task<byte[]> GetAsync(OpenStackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        _requests.Enqueue(request);
        var response = _routes.Select(route => route(request)).FirstOrDefault(r => r is not null)
            ?? FixtureResponse.NotFound();
        if ((int)response.Status is < 200 or > 299)
        {
            var message = response.Body.IsEmpty ? "(no fixture)" : Encoding.UTF8.GetString(response.Body.Span);
            throw new OpenStackApiException(response.Status, $"{request.ServiceType} GET {request.Path} answered {(int)response.Status}: {message}");
        }

        return Task.FromResult(response.Body.ToArray());
    }

    /// <summary>Makes every request for <paramref name="serviceType"/> fail as a catalog without that service does.</summary>
    /// <param name="serviceType">The service type missing from the catalog, for example <c>volumev3</c>.</param>
    /// <returns>This client, to chain calls.</returns>
    public FixtureOpenStackClient WithoutService(string serviceType) =>
        On(r => r.ServiceType == serviceType
            ? throw new OpenStackException($"The service catalog has no '{serviceType}' endpoint for interface 'public' in region 'RegionOne'.")
            : null);

    /// <summary>Makes every request matching <paramref name="match"/> fail with <paramref name="status"/>.</summary>
    /// <param name="match">Which requests fail.</param>
    /// <param name="status">The HTTP status, for example 500.</param>
    /// <returns>This client, to chain calls.</returns>
    public FixtureOpenStackClient Failing(Func<OpenStackRequest, bool> match, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(match);
        return On(r => match(r) ? new FixtureResponse(status, Encoding.UTF8.GetBytes("{}")) : null);
    }
}
