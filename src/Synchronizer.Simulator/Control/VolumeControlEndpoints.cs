using Synchronizer.Simulator.BlockStorage;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Control;

/// <summary>The control API's volume calls: seed, create, change, delete, and the ground truth as cinder shows it to an admin.</summary>
internal sealed class VolumeControlEndpoints
{
    private const string Kind = "Volume";

    private readonly VolumeOperations _operations;
    private readonly ResourceStore<VolumeRecord> _store;
    private readonly ProjectDirectory _projects;

    public VolumeControlEndpoints(VolumeOperations operations, ResourceStore<VolumeRecord> store, ProjectDirectory projects)
    {
        _operations = operations;
        _store = store;
        _projects = projects;
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
        var request = await ControlJson.ReadAsync<CreateVolumeRequest>(context.Request, context.RequestAborted);
        var volume = _operations.Create(request.Name, request.ProjectId, request.Size, request.Status);
        await WriteVolumeAsync(context, StatusCodes.Status201Created, volume);
    });

    public Task UpdateAsync(HttpContext context) => ControlErrors.GuardAsync(context, async () =>
    {
        var request = await ControlJson.ReadAsync<UpdateVolumeRequest>(context.Request, context.RequestAborted);
        var volume = _operations.Update(Id(context), request.Name, request.Status, request.Size, request.Metadata);
        await (volume is null ? ControlErrors.NotFoundAsync(context, Id(context), Kind) : WriteVolumeAsync(context, StatusCodes.Status200OK, volume));
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
        _store.Find(Id(context)) is { Deleted: false } volume
            ? WriteVolumeAsync(context, StatusCodes.Status200OK, volume)
            : ControlErrors.NotFoundAsync(context, Id(context), Kind);

    /// <summary><c>GET /control/volumes</c>: every live volume, newest first, as an admin's all_tenants detail at 3.0 (or <c>?microversion=3.X</c>).</summary>
    public Task ListAsync(HttpContext context) => ControlErrors.GuardAsync(context, () =>
    {
        var view = AdminView(context, ControlStreams.Microversion(context, CinderMicroversions.Min));
        var volumes = _store.Page(null, _ => true, int.MaxValue);
        return ControlStreams.WriteArrayAsync(context, "volumes", volumes, (w, v) => VolumeViewWriter.Write(w, v, view));
    });

    private static string Id(HttpContext context) => (string)context.GetRouteValue("id")!;

    // What cinder gives the admin user, whose token is scoped to the admin project (its id is in the links).
    private VolumeView AdminView(HttpContext context, ApiVersion version)
    {
        var baseUrl = RequestUrls.Base(context.Request);
        return new VolumeView(version, IsAdmin: true, $"{baseUrl}/volume/v3/{_projects.AdminProjectId}", $"{baseUrl}/volume/{_projects.AdminProjectId}");
    }

    private Task WriteVolumeAsync(HttpContext context, int status, VolumeRecord volume)
    {
        var view = AdminView(context, CinderMicroversions.Min);
        return JsonResponses.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", volume.Id);
            w.WritePropertyName("volume");
            VolumeViewWriter.Write(w, volume, view);
            w.WriteEndObject();
        });
    }
}
