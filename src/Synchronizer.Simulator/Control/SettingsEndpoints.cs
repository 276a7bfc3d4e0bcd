using System.Text.Json;
using Synchronizer.Simulator.BlockStorage;
using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Compute.Hosts;
using Synchronizer.Simulator.Faults;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;
using Synchronizer.Simulator.Notifications;
using Synchronizer.Simulator.Orchestration;

namespace Synchronizer.Simulator.Control;

/// <summary>The control API's knobs: faults, churn, token revocation and a status summary.</summary>
internal sealed class SettingsEndpoints
{
    private readonly FaultRegistry _faults;
    private readonly ChurnWorker _churn;
    private readonly TokenStore _tokens;
    private readonly ServerStore _servers;
    private readonly ResourceStore<VolumeRecord> _volumes;
    private readonly ResourceStore<StackRecord> _stacks;
    private readonly HypervisorStore _hypervisors;
    private readonly NotificationQueue _notifications;

    public SettingsEndpoints(
        FaultRegistry faults,
        ChurnWorker churn,
        TokenStore tokens,
        ServerStore servers,
        ResourceStore<VolumeRecord> volumes,
        ResourceStore<StackRecord> stacks,
        HypervisorStore hypervisors,
        NotificationQueue notifications)
    {
        _faults = faults;
        _churn = churn;
        _tokens = tokens;
        _servers = servers;
        _volumes = volumes;
        _stacks = stacks;
        _hypervisors = hypervisors;
        _notifications = notifications;
    }

    public Task AddFaultAsync(HttpContext context) => ControlErrors.GuardAsync(context, async () =>
    {
        var rule = await ControlJson.ReadFaultRuleAsync(context.Request, context.RequestAborted);
        _faults.Add(rule);
        await JsonResponses.WriteAsync(context, StatusCodes.Status201Created, w => JsonSerializer.Serialize(w, rule, ControlJson.Options));
    });

    public Task ListFaultsAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("faults");
            JsonSerializer.Serialize(w, _faults.Rules, ControlJson.Options);
            w.WriteEndObject();
        });

    public Task ClearFaultsAsync(HttpContext context)
    {
        _faults.Clear();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public Task SetChurnAsync(HttpContext context) => ControlErrors.GuardAsync(context, async () =>
    {
        var request = await ControlJson.ReadAsync<ChurnRequest>(context.Request, context.RequestAborted);
        _churn.Set(request.PerSecond);
        await StatusAsync(context);
    });

    public Task RevokeTokensAsync(HttpContext context)
    {
        _tokens.RevokeAll();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public Task StatusAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("servers", _servers.Count);
            w.WriteNumber("volumes", _volumes.Count);
            w.WriteNumber("stacks", _stacks.Count);
            w.WriteNumber("hypervisors", _hypervisors.Count);
            w.WriteNumber("tokens", _tokens.Count);
            w.WriteNumber("churn_per_second", _churn.PerSecond);
            w.WriteNumber("faults", _faults.Rules.Count);
            w.WriteStartObject("notifications");
            w.WriteBoolean("enabled", _notifications.Enabled);
            w.WriteNumber("published", _notifications.Published);
            w.WriteNumber("pending", _notifications.Pending);
            w.WriteNumber("dropped", _notifications.Dropped);
            w.WriteEndObject();
            w.WriteEndObject();
        });
}
