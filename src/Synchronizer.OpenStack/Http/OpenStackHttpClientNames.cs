namespace Synchronizer.OpenStack;

/// <summary>Names of the <see cref="System.Net.Http.IHttpClientFactory"/> clients this project registers.</summary>
public static class OpenStackHttpClientNames
{
    /// <summary>The client for Keystone.</summary>
    public const string Identity = "openstack-identity";

    /// <summary>The client for the services found in the catalog.</summary>
    public const string Services = "openstack-services";
}
