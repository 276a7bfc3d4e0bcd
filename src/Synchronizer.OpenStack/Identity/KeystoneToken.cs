namespace Synchronizer.OpenStack.Identity;

/// <summary>A project-scoped Keystone token and the catalog that came with it.</summary>
/// <param name="Value">The token (the <c>X-Subject-Token</c> header). Never log it.</param>
/// <param name="ExpiresAt">When Keystone says the token expires.</param>
/// <param name="ProjectId">The project the token is scoped to.</param>
/// <param name="Catalog">The service catalog of the token.</param>
public sealed record KeystoneToken(string Value, DateTimeOffset ExpiresAt, string ProjectId, ServiceCatalog Catalog)
{
    /// <summary>Returns a description without the secret token value.</summary>
    /// <returns>The project and expiry, never the token.</returns>
    public override string ToString() => $"KeystoneToken(project {ProjectId}, expires {ExpiresAt:O})";
}
