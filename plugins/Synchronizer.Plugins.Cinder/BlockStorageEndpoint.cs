using Microsoft.Extensions.Logging;
using Synchronizer.OpenStack;

namespace Synchronizer.Plugins.Cinder;

/// <summary>
/// Chooses Cinder's catalog service type. Cinder registers as <c>volumev3</c> and, on newer
/// deployments, as the official <c>block-storage</c>; a cloud may have either alone. Calls go to
/// <c>volumev3</c> until the catalog turns out not to have it, then to <c>block-storage</c> for good.
/// </summary>
internal sealed class BlockStorageEndpoint
{
    public const string VolumeV3 = "volumev3";
    public const string BlockStorage = "block-storage";

    private readonly ILogger<BlockStorageEndpoint> _logger;
    private volatile string _serviceType = VolumeV3;

    public BlockStorageEndpoint(ILogger<BlockStorageEndpoint> logger) => _logger = logger;

    public string ServiceType => _serviceType;

    /// <summary>Runs <paramref name="call"/> against the current service type, and once more against the other one when the catalog lacks it.</summary>
    public async Task<T> RunAsync<T>(Func<string, Task<T>> call)
    {
        var serviceType = _serviceType;
        try
        {
            return await call(serviceType);
        }
        catch (OpenStackException ex) when (IsCatalogMiss(ex))
        {
            var other = serviceType == VolumeV3 ? BlockStorage : VolumeV3;
            var result = await call(other);
            _serviceType = other;
            Log.ServiceTypeFallback(_logger, serviceType, other);
            return result;
        }
    }

    // The catalog lookup fails before any HTTP is sent, with a bare OpenStackException; every HTTP
    // failure is an OpenStackApiException or carries the transport exception as its cause.
    private static bool IsCatalogMiss(OpenStackException exception) =>
        exception.GetType() == typeof(OpenStackException) && exception.InnerException is null;
}
