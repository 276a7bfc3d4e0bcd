using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Control;

/// <summary>
/// <c>GET /control/servers</c>: every live server, in nova's order, as an admin would see it at 2.1
/// (or <c>?microversion=2.X</c>). One consistent snapshot, streamed, so 100k servers fit.
/// </summary>
internal sealed class GroundTruthEndpoint
{
    private readonly ServerStore _store;

    public GroundTruthEndpoint(ServerStore store)
    {
        _store = store;
    }

    public Task ListAsync(HttpContext context) => ControlErrors.GuardAsync(context, () =>
    {
        var version = ControlStreams.Microversion(context, ComputeMicroversions.Min);
        var projectId = context.Request.Query["project_id"].ToString();
        var filter = projectId.Length > 0 ? ServerFilter.None with { ProjectId = projectId } : ServerFilter.None;
        _store.TryPage(filter, marker: null, int.MaxValue, out var servers);
        var view = ServerView.For(version, isAdmin: true, RequestUrls.Base(context.Request), isShow: false);
        return ControlStreams.WriteArrayAsync(context, "servers", servers, (w, s) => ServerViewWriter.Write(w, s, view));
    });
}
