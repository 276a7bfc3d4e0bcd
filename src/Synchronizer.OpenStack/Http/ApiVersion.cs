namespace Synchronizer.OpenStack;

/// <summary>
/// A microversion to request, for example <c>compute 2.79</c> or <c>volume 3.60</c>; or, made by
/// <see cref="UpTo"/>, the newest one to negotiate with the service.
/// </summary>
/// <param name="ServiceName">The name the service uses in <c>OpenStack-API-Version</c>: compute, volume.</param>
/// <param name="Version">The version, for example <c>2.79</c>; the maximum when <see cref="IsMaximum"/>.</param>
public sealed record ApiVersion(string ServiceName, string Version)
{
    /// <summary>Gets a value indicating whether <see cref="Version"/> is a maximum to negotiate rather than the exact version to send.</summary>
    public bool IsMaximum { get; init; }

    /// <summary>Gets the oldest version the caller can read, when <see cref="IsMaximum"/>; <see langword="null"/> accepts whatever the service offers, even no microversions.</summary>
    public string? Minimum { get; init; }

    /// <summary>
    /// Asks for the highest microversion the service supports, at most <paramref name="maximum"/> and
    /// at least <paramref name="minimum"/>, found through the service's version document (CONTRACT §7).
    /// </summary>
    /// <param name="serviceName">The name in <c>OpenStack-API-Version</c>: compute, volume.</param>
    /// <param name="maximum">The newest version wanted, usually the configured one, for example <c>2.79</c>.</param>
    /// <param name="minimum">The oldest version the caller can read, for example <c>2.47</c>.</param>
    /// <returns>A version the client negotiates before sending.</returns>
    public static ApiVersion UpTo(string serviceName, string maximum, string? minimum = null) =>
        new(serviceName, maximum) { IsMaximum = true, Minimum = minimum };

    /// <summary>Returns the <c>OpenStack-API-Version</c> header value.</summary>
    /// <returns>For example <c>compute 2.79</c>; <c>compute up to 2.79</c> before negotiation.</returns>
    public override string ToString() => IsMaximum ? $"{ServiceName} up to {Version}" : $"{ServiceName} {Version}";
}
