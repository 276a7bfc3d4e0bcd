using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Plugins.Nova.Tests;

/// <summary>The configuration that points the real OpenStack client at an in-process simulator, as its admin.</summary>
internal static class SimulatorSettings
{
    public static Dictionary<string, string?> For(SimulatorServer simulator, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["service_credentials:auth_url"] = simulator.IdentityUrl.ToString(),
            ["service_credentials:username"] = simulator.Options.Username,
            ["service_credentials:password"] = simulator.Options.Password,
            ["service_credentials:project_name"] = simulator.Options.ProjectName,
            ["service_credentials:request_timeout"] = "10",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
