using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute;

/// <summary><c>GET /compute/v2.1/servers</c>, <c>/servers/detail</c> and <c>/servers/{id}</c>.</summary>
internal sealed class ServerEndpoints
{
    private readonly NovaPipeline _pipeline;
    private readonly ServerStore _store;
    private readonly int _maxLimit;

    public ServerEndpoints(NovaPipeline pipeline, ServerStore store, SimulatorOptions options)
    {
        _pipeline = pipeline;
        _store = store;
        _maxLimit = options.MaxLimit;
    }

    public Task ListDetailAsync(HttpContext context) => _pipeline.RunAsync(context, r => ListAsync(r, detailed: true));

    public Task ListAsync(HttpContext context) => _pipeline.RunAsync(context, r => ListAsync(r, detailed: false));

    public Task ShowAsync(HttpContext context) => _pipeline.RunAsync(context, ShowAsync);

    private Task ListAsync(NovaRequest request, bool detailed)
    {
        var query = request.Context.Request.Query;
        var list = ServerListQuery.Parse(query, request.Token, _maxLimit, detailed);
        if (!_store.TryPage(list.Filter, list.Marker, list.Limit, out var page))
        {
            throw new NovaFaultException($"marker [{list.Marker}] not found");
        }

        // _get_collection_links: a full page gets a next link, even when nothing follows it.
        var collection = request.ComputeUrl + (detailed ? "/servers/detail" : "/servers");
        var next = list.Limit > 0 && page.Length == list.Limit ? NextLinks.Build(collection, query, page[^1].Id) : null;
        var view = request.View(isShow: false);
        return JsonResponses.WriteAsync(request.Context, StatusCodes.Status200OK, w => ServerListWriter.Write(w, page, view, detailed, next));
    }

    private Task ShowAsync(NovaRequest request)
    {
        var id = (string)request.Context.GetRouteValue("id")!;

        // Another project's server is as invisible as a deleted one: both are "not found".
        var server = _store.Find(id);
        if (server is null || server.Deleted || (!request.Token.IsAdmin && server.ProjectId != request.Token.Project.Id))
        {
            throw new NovaFaultException(StatusCodes.Status404NotFound, $"Instance {id} could not be found.");
        }

        var view = request.View(isShow: true);
        return JsonResponses.WriteAsync(request.Context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("server");
            ServerViewWriter.Write(w, server, view);
            w.WriteEndObject();
        });
    }
}
