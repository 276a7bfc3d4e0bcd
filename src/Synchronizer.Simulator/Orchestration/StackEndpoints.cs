using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Orchestration;

/// <summary><c>GET /orchestration/v1/{project_id}/stacks</c>, <c>/stacks/{name}</c> (a redirect) and <c>/stacks/{name}/{id}</c>.</summary>
internal sealed class StackEndpoints
{
    private readonly HeatPipeline _pipeline;
    private readonly ResourceStore<StackRecord> _store;

    public StackEndpoints(HeatPipeline pipeline, ResourceStore<StackRecord> store)
    {
        _pipeline = pipeline;
        _store = store;
    }

    public Task ListAsync(HttpContext context) => _pipeline.RunAsync(context, ListAsync);

    public Task LookupAsync(HttpContext context) => _pipeline.RunAsync(context, LookupAsync);

    public Task ShowAsync(HttpContext context) => _pipeline.RunAsync(context, ShowAsync);

    private Task ListAsync(HeatRequest request)
    {
        var query = StackListQuery.Parse(request.Context.Request.Query, request.Token);

        // The marker row is fetched by primary key whatever its state (session.query(Stack).get), and an
        // unknown marker is simply None: the list then starts from the top again.
        var marker = query.Marker is { } id ? _store.Find(id) : null;

        // Heat has no max_limit: without a limit every stack comes in one response.
        var page = _store.Page(marker, query.Matches, query.Limit ?? int.MaxValue);
        int? count = query.WithCount ? _store.CountWhere(query.Matches) : null;

        // views_common.get_collection_links: only when a limit was given and the page is exactly full.
        var next = query.Limit is > 0 and var limit && page.Length == limit
            ? UrlEncoding.NextLink(request.StacksUrl, request.Context.Request.QueryString.Value, page[^1].Id)
            : null;
        var includeProject = request.Token.IsAdmin;
        return JsonResponses.WriteAsync(request.Context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("stacks");
            foreach (var stack in page)
            {
                StackViewWriter.WriteListItem(w, stack, request.BaseUrl, includeProject);
            }

            w.WriteEndArray();
            if (next is not null)
            {
                w.WriteStartArray("links");
                w.WriteStartObject();
                w.WriteString("rel", "next");
                w.WriteString("href", next);
                w.WriteEndObject();
                w.WriteEndArray();
            }

            if (count is { } total)
            {
                w.WriteNumber("count", total);
            }

            w.WriteEndObject();
        });
    }

    // StackController.lookup: a name (or an id) redirects to the stack's canonical URL with 302.
    private Task LookupAsync(HeatRequest request)
    {
        var name = (string)request.Context.GetRouteValue("stack_name")!;
        var stack = FindByName(request, name) ?? throw HeatFaultException.StackNotFound(name);
        request.Context.Response.StatusCode = StatusCodes.Status302Found;
        request.Context.Response.Headers.Location = request.StackUrl(stack);
        return Task.CompletedTask;
    }

    private Task ShowAsync(HeatRequest request)
    {
        var name = (string)request.Context.GetRouteValue("stack_name")!;
        var id = (string)request.Context.GetRouteValue("stack_id")!;

        // engine _get_stack: by id, then the name must match too; another project's stack is not there for a non-admin.
        var stack = _store.Find(id);
        if (stack is null || stack.Deleted || stack.Name != name || !Visible(request, stack))
        {
            throw HeatFaultException.StackNotFound(name);
        }

        return JsonResponses.WriteAsync(request.Context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("stack");
            StackViewWriter.WriteShow(w, stack, request.BaseUrl);
            w.WriteEndObject();
        });
    }

    private StackRecord? FindByName(HeatRequest request, string name)
    {
        if (_store.Find(name) is { Deleted: false } byId && Visible(request, byId))
        {
            return byId;
        }

        return _store.Page(null, s => s.Name == name && Visible(request, s), 1).FirstOrDefault();
    }

    private static bool Visible(HeatRequest request, StackRecord stack) =>
        request.Token.IsAdmin || stack.ProjectId == request.Token.Project.Id;
}
