using Microsoft.Extensions.Configuration;

namespace Synchronizer.Service.AdminApi;

/// <summary>The admin HTTP API, section <c>[admin_api]</c> (CONTRACT §6).</summary>
internal sealed class AdminApiOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "admin_api";

    /// <summary>
    /// Gets or sets the address and port the admin HTTP API listens on, as <c>address:port</c>
    /// (<c>[::1]:9480</c> for IPv6). An address other than loopback requires admin_token. The default
    /// value is <c>127.0.0.1:9480</c>.
    /// </summary>
    [ConfigurationKeyName("bind")]
    public string Bind { get; set; } = AdminApiDefaults.Bind;

    /// <summary>
    /// Gets or sets the bearer token every request must send (<c>Authorization: Bearer &lt;token&gt;</c>);
    /// required when bind is not a loopback address. The default value is empty (no token; loopback only).
    /// </summary>
    [ConfigurationKeyName("admin_token")]
    public string AdminToken { get; set; } = string.Empty;
}
