using System.Text.Json;
using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Control;

/// <summary>
/// <c>GET /control/servers</c>: every live server, in nova's order, as an admin would see it at 2.1
/// (or <c>?microversion=2.X</c>). One consistent snapshot, streamed, so 100k servers fit.
/// </summary>
internal sealed class GroundTruthEndpoint
{
    private const int FlushEvery = 256;

    private readonly ServerStore _store;

    public GroundTruthEndpoint(ServerStore store)
    {
        _store = store;
    }

    public async Task ListAsync(HttpContext context)
    {
        var version = ComputeMicroversions.Min;
        if (context.Request.Query["microversion"].ToString() is { Length: > 0 } requested && !ApiVersion.TryParse(requested, out version))
        {
            await ControlErrors.WriteAsync(context, StatusCodes.Status400BadRequest, $"Invalid microversion '{requested}'.");
            return;
        }

        var projectId = context.Request.Query["project_id"].ToString();
        var filter = projectId.Length > 0 ? ServerFilter.None with { ProjectId = projectId } : ServerFilter.None;
        _store.TryPage(filter, marker: null, int.MaxValue, out var servers);
        var view = ServerView.For(version, isAdmin: true, RequestUrls.Base(context.Request), isShow: false);

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonResponses.ContentType;
        var body = context.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body);
        writer.WriteStartObject();
        writer.WriteStartArray("servers");
        for (var i = 0; i < servers.Length; i++)
        {
            ServerViewWriter.Write(writer, servers[i], view);
            if (i % FlushEvery == FlushEvery - 1)
            {
                writer.Flush();
                await body.FlushAsync(context.RequestAborted);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        await body.FlushAsync(context.RequestAborted);
    }
}
