namespace Synchronizer.Service.AdminApi;

/// <summary>Default values of <see cref="AdminApiOptions"/>.</summary>
internal static class AdminApiDefaults
{
    /// <summary>Loopback only: an operator must choose to expose the API, and then set a token.</summary>
    public const string Bind = "127.0.0.1:9480";
}
