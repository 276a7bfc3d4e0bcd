using System.Net;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Plugins.Nova;

/// <summary>What the Nova pollers share: the service type, the microversion and reading one resource.</summary>
internal static class ComputeApi
{
    public const string ServiceType = "compute";

    // The configured microversion is a maximum: the client negotiates the highest the cloud offers up
    // to it (CONTRACT §7), so an older cloud is still read, in its own newest form.
    public static ApiVersion Version(NovaOptions options) => ApiVersion.UpTo(ServiceType, options.Microversion);

    /// <summary>
    /// Reads <c>GET {path}</c>, whose body holds the entity under <paramref name="key"/>, without the
    /// <paramref name="showOnly"/> fields the list does not have; <see langword="null"/> on a 404.
    /// </summary>
    public static async Task<EntityRecord?> ShowAsync(
        IOpenStackClient client, string path, string key, IReadOnlySet<string> showOnly, NovaOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var body = await client.GetAsync(new OpenStackRequest(ServiceType, path, Version(options)), cancellationToken);
            return ShowBody.Parse(body, key, path, showOnly);
        }
        catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
