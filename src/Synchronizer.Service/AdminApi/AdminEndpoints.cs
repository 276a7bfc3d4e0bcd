using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Synchronizer.Service.Metrics;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.AdminApi;

/// <summary>The handlers of the admin HTTP API (CONTRACT §6).</summary>
internal sealed class AdminEndpoints
{
    /// <summary>The route value holding the entity type of <c>POST /v1/sync/{entity_type}</c>.</summary>
    public const string EntityTypeRouteKey = "entity_type";

    private readonly EnabledTypes _types;
    private readonly SyncCoordinator _coordinator;
    private readonly ReadinessCheck _readiness;
    private readonly MetricsCollector _metrics;
    private readonly ILogger<AdminEndpoints> _logger;

    public AdminEndpoints(EnabledTypes types, SyncCoordinator coordinator, ReadinessCheck readiness, MetricsCollector metrics, ILogger<AdminEndpoints> logger)
    {
        _types = types;
        _coordinator = coordinator;
        _readiness = readiness;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary><c>GET /healthz</c>: the process is alive and serving.</summary>
    public static Task HealthAsync(HttpContext context) =>
        AdminResponses.WriteJsonAsync(context, StatusCodes.Status200OK, new StatusResponse("ok"), AdminJsonContext.Default.StatusResponse);

    /// <summary><c>GET /readyz</c>: 200 when ready, else 503 with the reasons.</summary>
    public Task ReadyAsync(HttpContext context)
    {
        var reasons = _readiness.NotReadyReasons();
        if (reasons.Count == 0)
        {
            return AdminResponses.WriteJsonAsync(context, StatusCodes.Status200OK, new StatusResponse("ok"), AdminJsonContext.Default.StatusResponse);
        }

        var error = new ErrorResponse(new ErrorBody("NotReady", string.Join(" ", reasons)), Reasons: reasons);
        return AdminResponses.WriteJsonAsync(context, StatusCodes.Status503ServiceUnavailable, error, AdminJsonContext.Default.ErrorResponse);
    }

    /// <summary><c>GET /v1/types</c>, as <c>list_types</c>.</summary>
    public Task TypesAsync(HttpContext context)
    {
        var types = new TypesResponse([.. _types.All.Select(EntityTypeSummary.Of)]);
        return AdminResponses.WriteJsonAsync(context, StatusCodes.Status200OK, types, AdminJsonContext.Default.TypesResponse);
    }

    /// <summary>
    /// <c>POST /v1/sync/{entity_type}?wait=true|false</c>, as <c>sync</c>: 200 with the result, 202 when
    /// queued, 502 (error <c>SyncFailed</c>, with the result) when the poll failed, 404 for an unknown type.
    /// </summary>
    public async Task SyncAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entityType = context.Request.RouteValues[EntityTypeRouteKey] as string ?? string.Empty;
        if (!TryReadWait(context, out var wait))
        {
            await AdminResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidArgument", "wait must be true or false.");
            return;
        }

        SyncResult result;
        try
        {
            AdminApiLog.SyncRequested(_logger, entityType, wait);
            result = wait ? await _coordinator.SyncAsync(entityType, context.RequestAborted) : _coordinator.Queue(entityType);
        }
        catch (UnknownEntityTypeException ex)
        {
            await AdminResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, "UnknownEntityType", ex.Message);
            return;
        }

        if (result.Status == SyncStatus.Failed)
        {
            var error = new ErrorResponse(new ErrorBody("SyncFailed", $"The poll of {entityType} failed: {result.Error}"), Results: [result]);
            await AdminResponses.WriteJsonAsync(context, StatusCodes.Status502BadGateway, error, AdminJsonContext.Default.ErrorResponse);
            return;
        }

        var status = result.Status == SyncStatus.Queued ? StatusCodes.Status202Accepted : StatusCodes.Status200OK;
        await AdminResponses.WriteJsonAsync(context, status, new SyncResponse([result]), AdminJsonContext.Default.SyncResponse);
    }

    /// <summary><c>GET /metrics</c>: the Prometheus text format 0.0.4.</summary>
    public async Task MetricsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = PrometheusTextWriter.Write(_metrics.Collect());
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = PrometheusTextWriter.ContentType;
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static bool TryReadWait(HttpContext context, out bool wait)
    {
        var values = context.Request.Query["wait"];
        wait = true;
        if (values.Count == 0)
        {
            return true;
        }

        switch (values.Count == 1 ? values[0]?.Trim().ToLowerInvariant() : null)
        {
            case "true" or "1":
                return true;
            case "false" or "0":
                wait = false;
                return true;
            default:
                return false;
        }
    }
}
