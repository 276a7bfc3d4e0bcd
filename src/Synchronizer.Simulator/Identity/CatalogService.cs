namespace Synchronizer.Simulator.Identity;

/// <summary>One service of the catalog: its type, name and path below the simulator's root.</summary>
internal sealed record CatalogService(string Type, string Name, string PathTemplate)
{
    public string Id { get; } = KeystoneIds.For("service", Type);

    public string EndpointId(string endpointInterface) => KeystoneIds.For("endpoint", Type + "/" + endpointInterface);

    /// <summary>The endpoint URL; like keystone, <c>%(project_id)s</c>-style templates take the token's project.</summary>
    public string Url(string baseUrl, string projectId) => baseUrl + PathTemplate.Replace("{project_id}", projectId, StringComparison.Ordinal);
}
