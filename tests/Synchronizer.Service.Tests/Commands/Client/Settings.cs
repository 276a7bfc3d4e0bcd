using Microsoft.Extensions.Configuration;
using Synchronizer.Service.Commands.Client;

namespace Synchronizer.Service.Tests.Commands.Client;

/// <summary>Client settings read from in-memory configuration, with a password the tests look for in every message.</summary>
internal static class Settings
{
    public const string Password = "s3cr3t-p4ss";

    public static ClientSettings Read(params (string Key, string Value)[] keys)
    {
        var values = new Dictionary<string, string?> { ["DEFAULT:transport_url"] = $"rabbit://ops:{Password}@broker.example:5671/sync" };
        foreach (var (key, value) in keys)
        {
            values[key] = value;
        }

        return ClientSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), TimeSpan.FromSeconds(30));
    }
}
