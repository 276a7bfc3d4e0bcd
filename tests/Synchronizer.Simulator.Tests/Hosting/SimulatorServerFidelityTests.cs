using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Hosting;

/// <summary>
/// Real OpenStack clients against the simulator, unchanged: Debian's openstackclient, novaclient and
/// heatclient (installed by scripts/functional) must list exactly the simulator's ground truth,
/// following every page the way they do against a real cloud.
/// </summary>
[Trait("Category", "Functional")]
public sealed class SimulatorServerFidelityTests : IAsyncLifetime
{
    private SimulatorServer? _server;

    private SimulatorServer Server => _server!;

    public async Task InitializeAsync()
    {
        PythonClients.RequirePackage("/usr/bin/openstack", "python3-openstackclient");
        PythonClients.RequirePackage("/usr/bin/nova", "python3-novaclient");
        _server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            SeedServers = 2500,
            SeedVolumes = 1500,
            SeedStacks = 40,
            SeedProjects = 3,
            RandomSeed = 11,
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task OpenStackServerList_AllProjectsNoLimit_IsEveryServerInNovasOrder()
    {
        var listed = await new PythonClients(Server).OpenStackJsonAsync("server", "list", "--all-projects", "--limit", "-1");

        var truth = await Server.Control.GetServersAsync();
        Assert.Equal(Ids(truth, "id"), Ids(listed, "ID"));
        Assert.All(listed.EnumerateArray(), s => Assert.Equal("cirros-0.6.2-x86_64-disk", s.GetProperty("Image").GetString()));
    }

    [Fact]
    public async Task OpenStackServerList_AllProjectsDefault_IsTheFirstPageOfMaxLimit()
    {
        // Without --limit, openstackclient asks once and shows what one page holds (nova's max_limit).
        var listed = await new PythonClients(Server).OpenStackJsonAsync("server", "list", "--all-projects");

        Assert.Equal(Ids(await Server.Control.GetServersAsync(), "id").Take(1000), Ids(listed, "ID"));
    }

    [Fact]
    public async Task OpenStackVolumeList_AllProjects_FollowsVolumesLinksToEveryVolume()
    {
        var listed = await new PythonClients(Server).OpenStackJsonAsync("volume", "list", "--all-projects");

        Assert.Equal(Ids(await Server.Control.GetVolumesAsync(), "id"), Ids(listed, "ID"));
    }

    [Fact]
    public async Task OpenStackStackList_AsAdmin_IsEveryStack()
    {
        PythonClients.RequirePackage("/usr/lib/python3/dist-packages/heatclient", "python3-heatclient");
        var clients = new PythonClients(Server);

        var listed = await clients.OpenStackJsonAsync("stack", "list");
        var global = await clients.OpenStackJsonAsync("stack", "list", "--all-projects");

        var truth = Ids(await Server.Control.GetStacksAsync(), "id");
        Assert.Equal(truth, Ids(listed, "ID"));
        Assert.Equal(truth, Ids(global, "ID"));
    }

    [Fact]
    public async Task NovaList_AllTenantsNoLimit_ShowsEveryServer()
    {
        var output = await new PythonClients(Server).RunAsync("/usr/bin/nova", ["list", "--all-tenants", "--limit", "-1", "--fields", "id"]);

        // A table: "| <uuid> |" rows between the borders, which the nova shell sorts itself.
        var ids = output.Split('\n')
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length > 0 && Guid.TryParse(cells[0], out _))
            .Select(cells => cells[0])
            .Order(StringComparer.Ordinal);
        Assert.Equal(Ids(await Server.Control.GetServersAsync(), "id").Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task NovaClientPaging_ByMarker_GetsFullPagesThenTheRestThenNothing()
    {
        const string Script = """
            import json, os
            from keystoneauth1 import session
            from keystoneauth1.identity import v3
            from novaclient import client
            auth = v3.Password(auth_url=os.environ['OS_AUTH_URL'], username='admin', password='secret', project_name='admin',
                               user_domain_name='Default', project_domain_name='Default')
            nova = client.Client('2.79', session=session.Session(auth=auth))
            pages, marker = [], None
            while True:
                page = nova.servers.list(search_opts={'all_tenants': 1}, marker=marker, limit=1000)
                pages.append([s.id for s in page])
                if not page:
                    break
                marker = page[-1].id
            print(json.dumps(pages))
            """;

        var output = await new PythonClients(Server).PythonAsync(Script);

        var pages = JsonSerializer.Deserialize<List<List<string>>>(output)!;
        Assert.Equal([1000, 1000, 500, 0], pages.Select(p => p.Count));
        Assert.Equal(Ids(await Server.Control.GetServersAsync(), "id"), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task OpenStackHypervisorList_AsAdmin_ListsEveryNode()
    {
        var listed = await new PythonClients(Server).OpenStackJsonAsync("hypervisor", "list");

        Assert.Equal(
            (await Server.Control.GetHypervisorsAsync()).Select(h => h.GetProperty("hypervisor_hostname").GetString()),
            listed.EnumerateArray().Select(h => h.GetProperty("Hypervisor Hostname").GetString()));
    }

    private static List<string> Ids(IEnumerable<JsonElement> items, string key) => [.. items.Select(i => i.GetProperty(key).GetString()!)];

    private static List<string> Ids(JsonElement array, string key) => Ids(array.EnumerateArray(), key);
}
