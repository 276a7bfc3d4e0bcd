using System.Text.Json;
using Synchronizer.OpenStack;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Testing;

namespace Synchronizer.Plugins.Nova.Tests;

/// <summary>A stub Nova serving the recorded pages of servers, hypervisors and zones, and "show" calls built from them.</summary>
internal static class NovaFixtures
{
    public const string FirstServerId = "f5dc173b-6804-445a-a6d8-c705dad5b5eb";
    public const string SecondServerId = "a1b2c3d4-0000-4000-8000-000000000002";
    public const string FirstHostId = "1bb62a04-c576-402c-8147-9e89757a09e3";
    public const string SecondHostId = "f6d28711-9c10-470e-8b31-c03f498b0032";

    private static readonly string[] ServerPages = ["servers-detail.page1.json", "servers-detail.page2.json"];
    private static readonly string[] HostPages = ["os-hypervisors-detail.page1.json", "os-hypervisors-detail.page2.json"];

    public static FixtureOpenStackClient Client() => new FixtureOpenStackClient()
        .On(r => Show(r, "/servers/", "server", "servers", ServerPages))
        .On(r => Show(r, "/os-hypervisors/", "hypervisor", "hypervisors", HostPages))
        .OnPage("compute", "/servers/detail", FixtureFiles.Read(ServerPages[0]))
        .OnPage("compute", "/servers/detail", FixtureFiles.Read(ServerPages[1]), marker: FirstServerId)
        .OnPage("compute", "/os-hypervisors/detail", FixtureFiles.Read(HostPages[0]))
        .OnPage("compute", "/os-hypervisors/detail", FixtureFiles.Read(HostPages[1]), marker: FirstHostId)
        .OnPage("compute", "/os-hypervisors/detail", FixtureFiles.Read("os-hypervisors-detail.empty.json"), marker: SecondHostId)
        .OnPath("compute", "/os-availability-zone/detail", FixtureResponse.Ok(FixtureFiles.Read("os-availability-zone-detail.json")));

    public static FixtureOpenStackClient Empty() => new FixtureOpenStackClient()
        .OnPage("compute", "/servers/detail", FixtureFiles.Read("servers-detail.empty.json"))
        .OnPage("compute", "/os-hypervisors/detail", FixtureFiles.Read("os-hypervisors-detail.empty.json"))
        .OnPath("compute", "/os-availability-zone/detail", FixtureResponse.Ok(FixtureFiles.Read("os-availability-zone-detail.empty.json")));

    public static PluginTestHost Host(FixtureOpenStackClient client, Dictionary<string, string?>? settings = null) =>
        PluginTestHost.Create(b => b.AddNova(), settings, client);

    /// <summary>Creates a host and adds it to <paramref name="owned"/>, which the test disposes.</summary>
    public static PluginTestHost HostFor(FixtureOpenStackClient client, List<PluginTestHost> owned, Dictionary<string, string?>? settings = null)
    {
        var host = Host(client, settings);
        owned.Add(host);
        return host;
    }

    // Nova's show views are its detail views (views/servers.py, hypervisors.py _view_hypervisor).
    private static FixtureResponse? Show(OpenStackRequest request, string prefix, string key, string collection, string[] pages)
    {
        if (request.ServiceType != "compute" || !request.Path.StartsWith(prefix, StringComparison.Ordinal) || request.Path.EndsWith("/detail", StringComparison.Ordinal))
        {
            return null;
        }

        var id = request.Path[prefix.Length..];
        var entity = pages
            .SelectMany(page => JsonDocument.Parse(FixtureFiles.Read(page)).RootElement.GetProperty(collection).EnumerateArray())
            .Where(e => e.GetProperty("id").ToString() == id)
            .Select(e => e.GetRawText())
            .FirstOrDefault();
        return entity is null
            ? FixtureResponse.NotFound(FixtureFiles.Read("error.itemNotFound-404.json"))
            : FixtureResponse.Ok($"{{\"{key}\": {entity}}}");
    }
}
