namespace Synchronizer.OpenStack;

/// <summary>A GET against a service found in the catalog.</summary>
/// <param name="ServiceType">The catalog service type, for example <c>compute</c> or <c>volumev3</c>.</param>
/// <param name="PathAndQuery">The path below the catalog endpoint, with its query, for example <c>/servers/detail?all_tenants=1</c>.</param>
/// <param name="Version">The microversion to request, if any.</param>
public sealed record OpenStackRequest(string ServiceType, string PathAndQuery, ApiVersion? Version = null)
{
    /// <summary>Gets the path without its query, for logs and error messages.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];
}
