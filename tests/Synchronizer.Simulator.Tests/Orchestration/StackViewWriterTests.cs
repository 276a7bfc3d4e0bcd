using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Orchestration;

/// <summary>Stack bodies against heat's samples (recorded for a project member): same keys, same value kinds.</summary>
public sealed class StackViewWriterTests
{
    [Fact]
    public async Task WriteListItem_AsProjectMember_MatchesHeatSampleShape()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);
        var project = await client.ProjectIdAsync("demo", "demo", "demo");
        await sut.Control.CreateStackAsync("simple_stack", project);

        var body = await client.GetJsonAsync($"orchestration/v1/{project}/stacks", await client.IssueTokenAsync("demo", "demo", "demo"));

        JsonShape.AssertSame(Fixtures.Load("heat/stacks.json"), body);
    }

    [Fact]
    public async Task WriteListItem_AsAdmin_AddsProject()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedStacks = 1 });

        var stack = Assert.Single(await sut.Control.GetStacksAsync());

        var expected = JsonShape.Keys(Fixtures.Load("heat/stacks.json").GetProperty("stacks")[0]).Append("project").Order(StringComparer.Ordinal);
        Assert.Equal(expected, JsonShape.Keys(stack).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteShow_ExistingStack_MatchesHeatSampleShape()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        using var client = new OpenStackClient(sut);
        var project = await client.ProjectIdAsync("admin", "secret", "admin");
        var id = await sut.Control.CreateStackAsync("simple_stack");

        var body = await client.GetJsonAsync($"orchestration/v1/{project}/stacks/simple_stack/{id}", await client.IssueTokenAsync());

        JsonShape.AssertSame(Fixtures.Load("heat/stack-show.json"), body, "parameters");
    }
}
