namespace Synchronizer.OpenStack;

/// <summary>A microversion to request, for example <c>compute 2.79</c> or <c>volume 3.60</c>.</summary>
/// <param name="ServiceName">The name the service uses in <c>OpenStack-API-Version</c>: compute, volume, orchestration.</param>
/// <param name="Version">The version, for example <c>2.79</c>.</param>
public sealed record ApiVersion(string ServiceName, string Version)
{
    /// <summary>Returns the <c>OpenStack-API-Version</c> header value.</summary>
    /// <returns>For example <c>compute 2.79</c>.</returns>
    public override string ToString() => $"{ServiceName} {Version}";
}
