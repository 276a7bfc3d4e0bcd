using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Synchronizer.Service.AdminApi;

/// <summary>
/// Builds the admin API's own web application: Kestrel on one endpoint, the bearer-token check,
/// JSON errors for every failure, and the routes of CONTRACT §6. It shares nothing with the
/// service's Generic Host but the handlers and the logger factory handed to it.
/// </summary>
internal static class AdminApiApplication
{
    public static WebApplication Build(IPEndPoint endpoint, BearerToken? token, AdminEndpoints endpoints, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(loggers);

        // The empty builder reads no appsettings.json nor ASPNETCORE_* variables, and Production is
        // fixed so that the developer exception page (which shows stack traces) is never added.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = "synchronizer-admin-api",
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
            kestrel.Listen(endpoint);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, AdminApiLifetime>();

        var app = builder.Build();
        var logger = loggers.CreateLogger("Synchronizer.Service.AdminApi.Requests");
        app.Use(next => context => CatchAllAsync(context, next, logger));
        app.UseStatusCodePages(context =>
        {
            var (code, message) = AdminResponses.Describe(context.HttpContext);
            return AdminResponses.WriteErrorAsync(context.HttpContext, context.HttpContext.Response.StatusCode, code, message);
        });
        if (token is not null)
        {
            app.Use(next => context => AuthenticateAsync(context, next, token, logger));
        }

        app.UseRouting();
        app.MapGet("/healthz", AdminEndpoints.HealthAsync);
        app.MapGet("/readyz", endpoints.ReadyAsync);
        app.MapGet("/v1/types", endpoints.TypesAsync);
        app.MapPost($"/v1/sync/{{{AdminEndpoints.EntityTypeRouteKey}}}", endpoints.SyncAsync);
        app.MapGet("/metrics", endpoints.MetricsAsync);
        return app;
    }

    private static async Task CatchAllAsync(HttpContext context, RequestDelegate next, ILogger logger)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex)
        {
            // The full exception goes to the log; the client gets a JSON error without internals.
            AdminApiLog.RequestFailed(logger, ex, context.Request.Method, context.Request.Path);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            context.Response.Clear();
            await AdminResponses.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "InternalError", "The request failed inside the service; the service log has the details.");
        }
    }

    private static Task AuthenticateAsync(HttpContext context, RequestDelegate next, BearerToken token, ILogger logger)
    {
        if (token.Accepts(context.Request.Headers.Authorization))
        {
            return next(context);
        }

        AdminApiLog.Unauthorized(logger, context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress?.ToString());
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"synchronizer\"";
        return AdminResponses.WriteErrorAsync(
            context, StatusCodes.Status401Unauthorized, "Unauthorized", "This admin API requires the header 'Authorization: Bearer <[admin_api] admin_token>'.");
    }
}
