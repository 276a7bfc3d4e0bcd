using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute.Hosts;

/// <summary><c>GET /compute/v2.1/os-hypervisors</c> and <c>/os-hypervisors/detail</c>, admin only as in nova's default policy.</summary>
internal sealed class HypervisorEndpoints
{
    private readonly NovaPipeline _pipeline;
    private readonly HypervisorStore _hypervisors;
    private readonly ServerStore _servers;
    private readonly TimeProvider _time;
    private readonly int _maxLimit;

    public HypervisorEndpoints(NovaPipeline pipeline, HypervisorStore hypervisors, ServerStore servers, SimulatorOptions options)
    {
        _pipeline = pipeline;
        _hypervisors = hypervisors;
        _servers = servers;
        _time = options.TimeProvider;
        _maxLimit = options.MaxLimit;
    }

    public Task ListAsync(HttpContext context) => _pipeline.RunAsync(context, r => ListAsync(r, detail: false));

    public Task ListDetailAsync(HttpContext context) => _pipeline.RunAsync(context, r => ListAsync(r, detail: true));

    private Task ListAsync(NovaRequest request, bool detail)
    {
        if (!request.Token.IsAdmin)
        {
            var policy = detail ? "os_compute_api:os-hypervisors:list-detail" : "os_compute_api:os-hypervisors:list";
            throw new NovaFaultException(StatusCodes.Status403Forbidden, $"Policy doesn't allow {policy} to be performed.");
        }

        var query = HypervisorListQuery.Parse(request.Context.Request.Query, request.Version, _maxLimit);
        var page = Page(query);
        var usage = detail ? _servers.UsageByHost() : [];
        var now = _time.GetUtcNow().UtcDateTime;
        var collection = request.ComputeUrl + (detail ? "/os-hypervisors/detail" : "/os-hypervisors");

        // _get_collection_links with id_key "id": a full page links on, even when nothing follows.
        string? next = null;
        if (query.Links && query.Limit > 0 && page.Length == query.Limit)
        {
            var last = page[^1];
            next = NextLinks.Build(collection, request.Context.Request.Query, request.Version >= HypervisorVersions.Uuids ? last.Uuid : last.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return JsonResponses.WriteAsync(request.Context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("hypervisors");
            foreach (var node in page)
            {
                var servers = query.WithServers ? _servers.OnHost(node.Hostname) : null;
                HypervisorViewWriter.Write(w, node, usage.GetValueOrDefault(node.Hostname), request.Version, detail, now, servers);
            }

            w.WriteEndArray();
            if (next is not null)
            {
                w.WriteStartArray("hypervisors_links");
                w.WriteStartObject();
                w.WriteString("href", next);
                w.WriteString("rel", "next");
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteEndObject();
        });
    }

    private HypervisorRecord[] Page(HypervisorListQuery query)
    {
        if (query.Pattern is { } pattern)
        {
            // compute_node_search_by_hypervisor: hypervisor_hostname LIKE '%pattern%', case-insensitive in MySQL.
            var matches = _hypervisors.All().Where(n => n.Hostname.Contains(pattern, StringComparison.OrdinalIgnoreCase)).ToArray();
            return matches.Length > 0
                ? matches
                : throw new NovaFaultException(StatusCodes.Status404NotFound, $"No hypervisor matching '{pattern}' could be found.");
        }

        return _hypervisors.TryPage(query.Marker, query.Limit, out var page)
            ? page
            : throw new NovaFaultException($"marker [{query.Marker}] not found");
    }
}
