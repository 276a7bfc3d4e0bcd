namespace Synchronizer.OpenStack.Microversions;

/// <summary>
/// Finds the microversion to request from a service: the highest it supports up to the configured
/// maximum, read from the service's version document and cached per endpoint (CONTRACT §7).
/// </summary>
/// <remarks>
/// Most callers need not use this directly: put <see cref="ApiVersion.UpTo"/> on an
/// <see cref="OpenStackRequest"/> or <see cref="Paging.CollectionRequest"/> and the client negotiates.
/// </remarks>
public interface IMicroversionNegotiator
{
    /// <summary>Negotiates the microversion for a service of the catalog.</summary>
    /// <param name="serviceType">The catalog service type, for example <c>compute</c> or <c>volumev3</c>.</param>
    /// <param name="serviceName">The name in <c>OpenStack-API-Version</c>: compute, volume.</param>
    /// <param name="maximum">The newest version wanted, usually the plugin's configured microversion.</param>
    /// <param name="minimum">The oldest version the caller can read; <see langword="null"/> when the base API (no header) will also do.</param>
    /// <param name="cancellationToken">Cancels the discovery.</param>
    /// <returns>
    /// <c>min(maximum, service maximum)</c>; or <see langword="null"/> when the service offers no
    /// microversions and <paramref name="minimum"/> is <see langword="null"/>: send no version header.
    /// </returns>
    /// <exception cref="OpenStackException">
    /// The version document could not be read, or no version between <paramref name="minimum"/> and
    /// <paramref name="maximum"/> is supported by the service.
    /// </exception>
    Task<ApiVersion?> NegotiateAsync(string serviceType, string serviceName, Microversion maximum, Microversion? minimum, CancellationToken cancellationToken);

    /// <summary>Forgets what is known of a service's versions, so the next negotiation reads its version document again.</summary>
    /// <param name="serviceType">The catalog service type.</param>
    void Invalidate(string serviceType);
}
