namespace Synchronizer.OpenStack;

/// <summary>Sends authenticated requests to OpenStack services found through the Keystone catalog.</summary>
public interface IOpenStackClient
{
    /// <summary>Sends a GET and returns the body of a successful answer.</summary>
    /// <param name="request">The service, path and microversion.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response body bytes.</returns>
    /// <exception cref="OpenStackApiException">The service answered with an error status.</exception>
    /// <exception cref="OpenStackException">The service could not be reached, timed out, or is not in the catalog.</exception>
    Task<byte[]> GetAsync(OpenStackRequest request, CancellationToken cancellationToken);
}
