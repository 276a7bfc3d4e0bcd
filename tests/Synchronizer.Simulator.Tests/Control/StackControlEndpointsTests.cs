using System.Net;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Tests.Control;

public sealed class StackControlEndpointsTests
{
    [Fact]
    public async Task UpdateStackAsync_Default_IsUpdateCompleteWithUpdatedTime()
    {
        var clock = new Support.ManualClock(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { TimeProvider = clock });
        var id = await sut.Control.CreateStackAsync("app");

        clock.Advance(TimeSpan.FromMinutes(5));
        await sut.Control.UpdateStackAsync(id, tags: ["blue"]);

        var stack = Assert.Single(await sut.Control.GetStacksAsync());
        Assert.Equal("UPDATE_COMPLETE", stack.GetProperty("stack_status").GetString());
        Assert.Equal("Stack UPDATE completed successfully", stack.GetProperty("stack_status_reason").GetString());
        Assert.Equal("2026-11-22T10:00:00Z", stack.GetProperty("creation_time").GetString());
        Assert.Equal("2026-11-22T10:05:00Z", stack.GetProperty("updated_time").GetString());
        Assert.Equal("blue", stack.GetProperty("tags")[0].GetString());
    }

    [Theory]
    [InlineData("UPDATE_FAILED")]
    [InlineData("SUSPEND_COMPLETE")]
    public async Task UpdateStackAsync_Status_IsShown(string status)
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        var id = await sut.Control.CreateStackAsync();

        await sut.Control.UpdateStackAsync(id, status);

        Assert.Equal(status, Assert.Single(await sut.Control.GetStacksAsync()).GetProperty("stack_status").GetString());
    }

    [Fact]
    public async Task UpdateStackAsync_UnknownStatus_Returns400()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        var id = await sut.Control.CreateStackAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sut.Control.UpdateStackAsync(id, "UPDATE_WHATEVER"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task CreateStackAsync_TakenNameInTheProject_Returns409()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());
        await sut.Control.CreateStackAsync("app");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sut.Control.CreateStackAsync("app"));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
    }

    [Fact]
    public async Task DeleteStackAsync_ExistingStack_LeavesGroundTruth()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedStacks = 2 });
        var id = (await sut.Control.GetStacksAsync())[0].GetProperty("id").GetString()!;

        await sut.Control.DeleteStackAsync(id);

        Assert.DoesNotContain(id, (await sut.Control.GetStacksAsync()).Select(s => s.GetProperty("id").GetString()));
        var again = await Assert.ThrowsAsync<HttpRequestException>(() => sut.Control.DeleteStackAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task SeedStacksAsync_SeveralProjects_SpreadsStacksOverThem()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions());

        await sut.Control.SeedStacksAsync(6, projects: 2);

        var stacks = await sut.Control.GetStacksAsync();
        Assert.Equal(6, stacks.Count);
        Assert.All(stacks.GroupBy(s => s.GetProperty("project").GetString()), g => Assert.Equal(3, g.Count()));
    }
}
