using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary><c>GET /volume/v3/{project_id}/volumes</c>, <c>/volumes/detail</c> and <c>/volumes/{id}</c>.</summary>
internal sealed class VolumeEndpoints
{
    private readonly CinderPipeline _pipeline;
    private readonly ResourceStore<VolumeRecord> _store;
    private readonly int _maxLimit;

    public VolumeEndpoints(CinderPipeline pipeline, ResourceStore<VolumeRecord> store, SimulatorOptions options)
    {
        _pipeline = pipeline;
        _store = store;
        _maxLimit = options.MaxLimit;
    }

    public Task ListAsync(HttpContext context) => _pipeline.RunAsync(context, r => ListAsync(r, detailed: false));

    public Task ListDetailAsync(HttpContext context) => _pipeline.RunAsync(context, r => ListAsync(r, detailed: true));

    public Task ShowAsync(HttpContext context) => _pipeline.RunAsync(context, ShowAsync);

    private Task ListAsync(CinderRequest request, bool detailed)
    {
        var view = request.View;
        var query = VolumeListQuery.Parse(request.Context.Request.Query, request.Token, view, _maxLimit);

        // The marker is fetched with _volume_get: a deleted volume, or another project's for a non-admin, is a 404.
        VolumeRecord? marker = null;
        if (query.Marker is { } markerId)
        {
            marker = Visible(request, markerId) ?? throw NotFound(markerId);
        }

        var page = _store.Page(marker, query.Matches, query.Limit);
        int? count = query.WithCount ? _store.CountWhere(query.Matches) : null;

        // _get_collection_links: a link whenever the page is not empty and the limit is at most the item
        // count, which is the total with with_count, so then even the last page links on.
        string? next = null;
        if (page.Length > 0 && query.Limit <= (count ?? page.Length))
        {
            var collection = request.VersionedUrl + (detailed ? "/volumes/detail" : "/volumes");
            next = UrlEncoding.NextLink(collection, request.Context.Request.QueryString.Value, page[^1].Id);
        }

        return JsonResponses.WriteAsync(request.Context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("volumes");
            foreach (var volume in page)
            {
                if (detailed)
                {
                    VolumeViewWriter.Write(w, volume, view);
                }
                else
                {
                    VolumeViewWriter.WriteSummary(w, volume, view);
                }
            }

            w.WriteEndArray();
            if (next is not null)
            {
                w.WriteStartArray("volumes_links");
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

    private Task ShowAsync(CinderRequest request)
    {
        var id = (string)request.Context.GetRouteValue("id")!;
        var volume = Visible(request, id) ?? throw NotFound(id);
        var view = request.View;
        return JsonResponses.WriteAsync(request.Context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("volume");
            VolumeViewWriter.Write(w, volume, view);
            w.WriteEndObject();
        });
    }

    private VolumeRecord? Visible(CinderRequest request, string id) =>
        _store.Find(id) is { Deleted: false } volume && (request.Token.IsAdmin || volume.ProjectId == request.Token.Project.Id) ? volume : null;

    // VolumeNotFound, converted by ResourceExceptionHandler (fixture cinder/errors/itemNotFound-404.json).
    private static CinderFaultException NotFound(string id) => new(StatusCodes.Status404NotFound, $"Volume {id} could not be found.");
}
