using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Orchestration;

public sealed class StackEndpointsTests
{
    [Fact]
    public async Task ListAsync_NoLimit_ReturnsEveryStackInOneResponseWithoutLinks()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedStacks = 1500, SeedProjects = 2 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);

        var body = await client.GetJsonAsync($"orchestration/v1/{project}/stacks?global_tenant=true", token);

        // Heat has no max_limit.
        Assert.Equal(1500, body.GetProperty("stacks").GetArrayLength());
        Assert.False(body.TryGetProperty("links", out _));
        var truth = (await sut.Control.GetStacksAsync()).Select(s => s.GetProperty("id").GetString());
        Assert.Equal(truth, body.GetProperty("stacks").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ListAsync_LimitAndMarker_PagesWithNextLinksWhilePagesAreFull()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedStacks = 5 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);

        var pages = await client.ReadAllPagesAsync(token, $"orchestration/v1/{project}/stacks?global_tenant=true&limit=2", "stacks", "links");

        Assert.Equal([2, 2, 1], pages.Select(p => p.Ids.Count));
        Assert.Equal(
            $"{client.Base}/orchestration/v1/{project}/stacks?global_tenant=true&limit=2&marker={pages[0].Ids[^1]}",
            pages[0].Next);
    }

    [Fact]
    public async Task ListAsync_UnknownMarker_StartsFromTheTopAgain()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedStacks = 3 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);

        var body = await client.GetJsonAsync($"orchestration/v1/{project}/stacks?marker=9e6b7ec2-2f6b-4b74-8b8d-3b8f2c1b5f11", token);

        Assert.Equal(3, body.GetProperty("stacks").GetArrayLength());
    }

    [Fact]
    public async Task ListAsync_MarkerOfDeletedStack_ContinuesAfterIt()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedStacks = 4 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        var all = (await sut.Control.GetStacksAsync()).Select(s => s.GetProperty("id").GetString()!).ToList();
        await sut.Control.DeleteStackAsync(all[1]);

        var body = await client.GetJsonAsync($"orchestration/v1/{project}/stacks?marker={all[1]}", token);

        Assert.Equal(all[2..], body.GetProperty("stacks").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task ListAsync_IdFilter_ReturnsOnlyThoseStacksAndNoDeletedOne()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedStacks = 5, SeedProjects = 2 });
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        var all = (await sut.Control.GetStacksAsync()).Select(s => s.GetProperty("id").GetString()!).ToList();
        await sut.Control.DeleteStackAsync(all[3]);

        var one = await client.GetJsonAsync($"orchestration/v1/{project}/stacks?global_tenant=true&id={all[2]}", token);
        var two = await client.GetJsonAsync($"orchestration/v1/{project}/stacks?id={all[0]}&id={all[4]}", token);
        var deleted = await client.GetJsonAsync($"orchestration/v1/{project}/stacks?global_tenant=true&id={all[3]}", token);
        var unknown = await client.GetJsonAsync($"orchestration/v1/{project}/stacks?id=9e6b7ec2-2f6b-4b74-8b8d-3b8f2c1b5f11", token);

        Assert.Equal([all[2]], Ids(one));
        Assert.Equal([all[0], all[4]], Ids(two));
        Assert.Empty(Ids(deleted));
        Assert.Empty(Ids(unknown));
    }

    [Fact]
    public async Task ListAsync_IdFilterAsNonAdmin_DoesNotReachAnotherProjectsStack()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var demoProject = await client.ProjectIdAsync("demo", "demo", "demo");
        var own = await sut.Control.CreateStackAsync("demo-app", demoProject);
        var other = await sut.Control.CreateStackAsync("admin-app");
        var token = await client.IssueTokenAsync("demo", "demo", "demo");

        var mine = await client.GetJsonAsync($"orchestration/v1/{demoProject}/stacks?id={own}", token);
        var theirs = await client.GetJsonAsync($"orchestration/v1/{demoProject}/stacks?id={other}", token);

        Assert.Equal([own], Ids(mine));
        Assert.Empty(Ids(theirs));
    }

    [Fact]
    public async Task ListAsync_AsNonAdmin_ShowsOwnStacksWithoutProjectAndForbidsGlobalTenant()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedStacks = 4 });
        using var client = new OpenStackClient(sut);
        var demoProject = await client.ProjectIdAsync("demo", "demo", "demo");
        await sut.Control.CreateStackAsync("demo-app", demoProject);
        var token = await client.IssueTokenAsync("demo", "demo", "demo");

        var own = await client.GetJsonAsync($"orchestration/v1/{demoProject}/stacks", token);
        using var global = await client.GetAsync($"orchestration/v1/{demoProject}/stacks?global_tenant=true", token);

        var stack = Assert.Single(own.GetProperty("stacks").EnumerateArray());
        Assert.False(stack.TryGetProperty("project", out _));
        Assert.Equal(HttpStatusCode.Forbidden, global.StatusCode);
        var error = (await OpenStackClient.JsonAsync(global)).GetProperty("error");
        Assert.Equal("HTTPForbidden", error.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ListAsync_AnotherProjectInTheUrlAsNonAdmin_Returns403()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var adminProject = await client.ProjectIdAsync("admin", "secret", "admin");

        using var response = await client.GetAsync($"orchestration/v1/{adminProject}/stacks", await client.IssueTokenAsync("demo", "demo", "demo"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ShowAsync_UnknownStack_Returns404LikeHeat()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);

        using var response = await client.GetAsync($"orchestration/v1/{project}/stacks/simple_stack/3095aefc-09fb-4bc7-b1f0-f21a304e864c", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var expected = Fixtures.Load("heat/error.stack-not-found-404.json");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(await OpenStackClient.JsonAsync(response)));
    }

    [Fact]
    public async Task ShowAsync_NameThatDoesNotMatchTheId_Returns404()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        var id = await sut.Control.CreateStackAsync("web");

        using var response = await client.GetAsync($"orchestration/v1/{project}/stacks/db/{id}", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task LookupAsync_StackName_RedirectsToTheCanonicalUrl()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var (token, project) = await AdminAsync(client);
        var id = await sut.Control.CreateStackAsync("web");

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = sut.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"orchestration/v1/{project}/stacks/web", UriKind.Relative));
        request.Headers.Add("X-Auth-Token", token);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"{client.Base}/orchestration/v1/{project}/stacks/web/{id}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Versions_WithoutToken_Returns300WithV1()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("orchestration", token: null);

        Assert.Equal(HttpStatusCode.MultipleChoices, response.StatusCode);
        var version = (await OpenStackClient.JsonAsync(response)).GetProperty("versions")[0];
        Assert.Equal("v1.0", version.GetProperty("id").GetString());
    }

    private static string[] Ids(JsonElement body) =>
        [.. body.GetProperty("stacks").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];

    private static async Task<(string Token, string Project)> AdminAsync(OpenStackClient client) =>
        (await client.IssueTokenAsync(), await client.ProjectIdAsync("admin", "secret", "admin"));

    private static Task<SimulatorServer> CreateSutAsync(SimulatorOptions? options = null) =>
        SimulatorServer.StartAsync(options ?? new SimulatorOptions());
}
