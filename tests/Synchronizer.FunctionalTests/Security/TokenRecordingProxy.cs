using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Synchronizer.FunctionalTests.Security;

/// <summary>
/// A pass-through HTTP proxy in front of the simulator's Keystone that keeps every token Keystone
/// issued (the <c>X-Subject-Token</c> of each answer), so a test knows the exact token values the
/// service held without reaching into the simulator.
/// </summary>
/// <remarks>
/// Only Keystone goes through it: the catalog is built from the Host header the simulator receives,
/// which is the simulator's own, so the service calls Nova, Cinder and Heat directly.
/// </remarks>
internal sealed class TokenRecordingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase) { "Connection", "Keep-Alive", "Transfer-Encoding", "Host" };

    private readonly ConcurrentQueue<string> _issued = new();
    private readonly Uri _upstream;
    private readonly HttpClient _client = new();
    private WebApplication? _app;

    private TokenRecordingProxy(Uri upstream) => _upstream = upstream;

    /// <summary>Gets the proxy's root, with a trailing slash; append the upstream's paths to it.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets every token Keystone issued through the proxy, in order.</summary>
    public IReadOnlyList<string> IssuedTokens => [.. _issued];

    public static async Task<TokenRecordingProxy> StartAsync(Uri upstream)
    {
        var proxy = new TokenRecordingProxy(upstream);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _client.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var target = new Uri(_upstream, context.Request.Path.ToUriComponent().TrimStart('/') + context.Request.QueryString.ToUriComponent());
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in context.Request.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _client.SendAsync(request, context.RequestAborted);
        if (response.Headers.TryGetValues("X-Subject-Token", out var tokens) && context.Request.Method == HttpMethods.Post)
        {
            foreach (var token in tokens)
            {
                _issued.Enqueue(token);
            }
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
