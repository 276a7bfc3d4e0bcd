using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute.Hosts;

/// <summary>The query of <c>GET /os-hypervisors[/detail]</c> per microversion (nova's index_query, index_query_v233, index_query_v253).</summary>
internal sealed record HypervisorListQuery(string? Marker, int Limit, bool Links, string? Pattern, bool WithServers)
{
    /// <exception cref="NovaFaultException">400 for a bad limit, marker or boolean, or a pattern combined with paging.</exception>
    public static HypervisorListQuery Parse(IQueryCollection query, ApiVersion version, int maxLimit)
    {
        // Before 2.33 there is no paging: limit and marker are ignored and every node is listed.
        if (version < HypervisorVersions.Paging)
        {
            return new HypervisorListQuery(null, int.MaxValue, Links: false, Pattern: null, WithServers: false);
        }

        var limit = NovaQuery.Limit(query, maxLimit);
        var marker = NovaQuery.Last(query, "marker");
        if (version < HypervisorVersions.Uuids)
        {
            return new HypervisorListQuery(marker, limit, Links: true, Pattern: null, WithServers: false);
        }

        if (marker is not null && !Guid.TryParse(marker, out _))
        {
            throw new NovaFaultException($"Invalid input for query parameters marker. Value: {marker}. '{marker}' is not a 'uuid'");
        }

        var withServers = NovaQuery.Last(query, "with_servers") is { } text && NovaQuery.Bool("with_servers", text);
        var pattern = NovaQuery.Last(query, "hypervisor_hostname_pattern");
        if (pattern is not null && (query.ContainsKey("limit") || marker is not null))
        {
            throw new NovaFaultException("Paging over hypervisors with the hypervisor_hostname_pattern query parameter is not supported.");
        }

        // Links are left out with a pattern: the next request would fail the check above.
        return new HypervisorListQuery(marker, limit, Links: pattern is null, pattern, withServers);
    }
}
