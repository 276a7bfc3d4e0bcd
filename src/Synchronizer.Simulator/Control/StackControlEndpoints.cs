using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Orchestration;

namespace Synchronizer.Simulator.Control;

/// <summary>The control API's stack calls: seed, create, change, delete, and the ground truth as heat lists it to an admin.</summary>
internal sealed class StackControlEndpoints
{
    private const string Kind = "Stack";

    private readonly StackOperations _operations;
    private readonly ResourceStore<StackRecord> _store;

    public StackControlEndpoints(StackOperations operations, ResourceStore<StackRecord> store)
    {
        _operations = operations;
        _store = store;
    }

    public Task SeedAsync(HttpContext context) => ControlErrors.GuardAsync(context, async () =>
    {
        var request = await ControlJson.ReadAsync<SeedRequest>(context.Request, context.RequestAborted);
        if (request.Count < 0 || request.Projects < 1)
        {
            throw new ArgumentException("count must not be negative and projects must be at least 1.");
        }

        var projects = _operations.Seed(request.Count, request.Projects);
        await ControlJson.WriteSeededAsync(context, request.Count, _store.Count, projects);
    });

    public Task CreateAsync(HttpContext context) => ControlErrors.GuardAsync(context, async () =>
    {
        var request = await ControlJson.ReadAsync<CreateStackRequest>(context.Request, context.RequestAborted);
        var stack = _operations.Create(request.Name, request.ProjectId, request.StackStatus);
        await WriteStackAsync(context, StatusCodes.Status201Created, stack);
    });

    public Task UpdateAsync(HttpContext context) => ControlErrors.GuardAsync(context, async () =>
    {
        var request = await ControlJson.ReadAsync<UpdateStackRequest>(context.Request, context.RequestAborted);
        var stack = _operations.Update(Id(context), request.StackStatus, request.Tags);
        await (stack is null ? ControlErrors.NotFoundAsync(context, Id(context), Kind) : WriteStackAsync(context, StatusCodes.Status200OK, stack));
    });

    public Task DeleteAsync(HttpContext context)
    {
        if (_operations.Delete(Id(context)) is null)
        {
            return ControlErrors.NotFoundAsync(context, Id(context), Kind);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public Task ShowAsync(HttpContext context) =>
        _store.Find(Id(context)) is { Deleted: false } stack
            ? WriteStackAsync(context, StatusCodes.Status200OK, stack)
            : ControlErrors.NotFoundAsync(context, Id(context), Kind);

    /// <summary><c>GET /control/stacks</c>: every live stack, newest first, as heat lists them to an admin (with "project").</summary>
    public Task ListAsync(HttpContext context)
    {
        var baseUrl = RequestUrls.Base(context.Request);
        var stacks = _store.Page(null, _ => true, int.MaxValue);
        return ControlStreams.WriteArrayAsync(context, "stacks", stacks, (w, s) => StackViewWriter.WriteListItem(w, s, baseUrl, includeProject: true));
    }

    private static string Id(HttpContext context) => (string)context.GetRouteValue("id")!;

    private static Task WriteStackAsync(HttpContext context, int status, StackRecord stack)
    {
        var baseUrl = RequestUrls.Base(context.Request);
        return JsonResponses.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", stack.Id);
            w.WritePropertyName("stack");
            StackViewWriter.WriteListItem(w, stack, baseUrl, includeProject: true);
            w.WriteEndObject();
        });
    }
}
