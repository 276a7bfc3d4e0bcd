using System.Net;
using Microsoft.Extensions.Options;

namespace Synchronizer.Service.AdminApi;

/// <summary>Checks <c>[admin_api]</c> at start-up: a bind the API can use, and a token whenever it is reachable beyond loopback.</summary>
internal sealed class AdminApiOptionsValidator : IValidateOptions<AdminApiOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!BindAddress.TryParse(options.Bind, out var endpoint))
        {
            return ValidateOptionsResult.Fail(
                $"[{AdminApiOptions.SectionName}] bind = '{options.Bind}' is not address:port: write for example {AdminApiDefaults.Bind}, 0.0.0.0:9480 or [::1]:9480.");
        }

        if (!IPAddress.IsLoopback(endpoint.Address) && string.IsNullOrWhiteSpace(options.AdminToken))
        {
            return ValidateOptionsResult.Fail(
                $"[{AdminApiOptions.SectionName}] bind = {options.Bind} is reachable beyond this machine, so [{AdminApiOptions.SectionName}] admin_token must be set: " +
                $"set admin_token to a long random secret (for example the output of `openssl rand -hex 32`), or bind to {AdminApiDefaults.Bind}.");
        }

        return ValidateOptionsResult.Success;
    }
}
