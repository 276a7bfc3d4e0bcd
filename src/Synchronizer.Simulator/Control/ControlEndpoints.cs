using Synchronizer.Simulator.Compute;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Control;

/// <summary>The control API's server calls: set up the cloud and read its ground truth, without auth.</summary>
internal sealed class ControlEndpoints
{
    private readonly ServerOperations _operations;
    private readonly ServerStore _store;
    private readonly ILogger _logger;

    public ControlEndpoints(ServerOperations operations, ServerStore store, ILogger logger)
    {
        _operations = operations;
        _store = store;
        _logger = logger;
    }

    public Task SeedAsync(HttpContext context) => ControlErrors.GuardAsync(context, async () =>
    {
        var request = await ControlJson.ReadAsync<SeedRequest>(context.Request, context.RequestAborted);
        if (request.Count < 0 || request.Projects < 1)
        {
            throw new ArgumentException("count must not be negative and projects must be at least 1.");
        }

        var projects = _operations.Seed(request.Count, request.Projects);
        Log.Seeded(_logger, request.Count, projects.Count);
        await ControlJson.WriteSeededAsync(context, request.Count, _store.Count, projects);
    });

    public Task CreateAsync(HttpContext context) => ControlErrors.GuardAsync(context, async () =>
    {
        var request = await ControlJson.ReadAsync<CreateServerRequest>(context.Request, context.RequestAborted);
        var server = _operations.Create(request.Name, request.ProjectId, request.Status);
        await WriteServerAsync(context, StatusCodes.Status201Created, server);
    });

    public Task UpdateAsync(HttpContext context) => ControlErrors.GuardAsync(context, async () =>
    {
        var request = await ControlJson.ReadAsync<UpdateServerRequest>(context.Request, context.RequestAborted);
        var server = _operations.Update(Id(context), request.Name, request.Status, request.Metadata);
        await (server is null ? ControlErrors.NotFoundAsync(context, Id(context)) : WriteServerAsync(context, StatusCodes.Status200OK, server));
    });

    public Task DeleteAsync(HttpContext context)
    {
        if (_operations.Delete(Id(context)) is null)
        {
            return ControlErrors.NotFoundAsync(context, Id(context));
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public Task ShowAsync(HttpContext context) =>
        _store.Find(Id(context)) is { Deleted: false } server
            ? WriteServerAsync(context, StatusCodes.Status200OK, server)
            : ControlErrors.NotFoundAsync(context, Id(context));

    private static string Id(HttpContext context) => (string)context.GetRouteValue("id")!;

    // The body nova itself would return to an admin at 2.1, under "server", plus the id at the top for convenience.
    private static Task WriteServerAsync(HttpContext context, int status, ServerRecord server)
    {
        var view = ServerView.For(ComputeMicroversions.Min, isAdmin: true, RequestUrls.Base(context.Request), isShow: true);
        return JsonResponses.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", server.Id);
            w.WritePropertyName("server");
            ServerViewWriter.Write(w, server, view);
            w.WriteEndObject();
        });
    }
}
