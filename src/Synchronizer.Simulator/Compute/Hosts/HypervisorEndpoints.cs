using System.Globalization;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute.Hosts;

/// <summary><c>GET /compute/v2.1/os-hypervisors</c>, <c>/os-hypervisors/detail</c> and <c>/os-hypervisors/{id}</c>, admin only as in nova's default policy.</summary>
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

    public Task ShowAsync(HttpContext context) => _pipeline.RunAsync(context, ShowAsync);

    // HypervisorsController._show: the detail view of one node, with_servers from 2.53.
    private Task ShowAsync(NovaRequest request)
    {
        if (!request.Token.IsAdmin)
        {
            throw new NovaFaultException(StatusCodes.Status403Forbidden, "Policy doesn't allow os_compute_api:os-hypervisors:show to be performed.");
        }

        var id = (string)request.Context.GetRouteValue("id")!;
        var withServers = false;
        if (request.Version >= HypervisorVersions.Uuids)
        {
            withServers = NovaQuery.Last(request.Context.Request.Query, "with_servers") is { } text && NovaQuery.Bool("with_servers", text);
        }

        var node = FindForShow(id, request.Version)
            ?? throw new NovaFaultException(StatusCodes.Status404NotFound, $"Hypervisor with ID '{id}' could not be found.");
        var usage = _servers.UsageByHost().GetValueOrDefault(node.Hostname);
        var servers = withServers ? _servers.OnHost(node.Hostname) : null;
        var now = _time.GetUtcNow().UtcDateTime;
        return JsonResponses.WriteAsync(request.Context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("hypervisor");
            HypervisorViewWriter.Write(w, node, usage, request.Version, detail: true, now, servers);
            w.WriteEndObject();
        });
    }

    // _validate_id: from 2.53 a non-UUID is 400 "Invalid uuid"; before, a non-integer is the 404 of an unknown node.
    // compute_node_get then looks the node up by UUID or by integer id, never by host name.
    private HypervisorRecord? FindForShow(string id, ApiVersion version)
    {
        if (version >= HypervisorVersions.Uuids)
        {
            if (!Guid.TryParse(id, out var uuid))
            {
                throw new NovaFaultException($"Invalid uuid {id}");
            }

            return _hypervisors.All().FirstOrDefault(n => Guid.TryParse(n.Uuid, out var own) && own == uuid);
        }

        // utils.validate_integer: int(str(value)), so surrounding blanks and a sign are accepted.
        const NumberStyles integer = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        return int.TryParse(id, integer, CultureInfo.InvariantCulture, out var number)
            ? _hypervisors.All().FirstOrDefault(n => n.Id == number)
            : null;
    }

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
            next = NextLinks.Build(collection, request.Context.Request.Query, request.Version >= HypervisorVersions.Uuids ? last.Uuid : last.Id.ToString(CultureInfo.InvariantCulture));
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
