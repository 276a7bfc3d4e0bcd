using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Tests.Control;

public sealed class ChurnEngineTests
{
    [Fact]
    public async Task Step_ManyTimes_ChangesServersAndKeepsThePopulationLevel()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = 200, RandomSeed = 42 });
        var before = (await sut.Control.GetServersAsync()).ToDictionary(s => s.GetProperty("id").GetString()!, s => s.ToString());
        var engine = new Simulator.Control.ChurnEngine(new SimulatorRandom(7), new Simulator.Control.ServerChurn(sut.Parts.Operations, sut.Parts.Servers, new SimulatorRandom(8)));

        for (var i = 0; i < 300; i++)
        {
            engine.Step();
        }

        var after = (await sut.Control.GetServersAsync()).ToDictionary(s => s.GetProperty("id").GetString()!, s => s.ToString());
        var created = after.Keys.Except(before.Keys).Count();
        var deleted = before.Keys.Except(after.Keys).Count();
        var updated = after.Keys.Intersect(before.Keys).Count(id => after[id] != before[id]);
        Assert.InRange(created, 10, 60);
        Assert.InRange(deleted, 10, 60);
        Assert.True(updated > created + deleted, $"updated {updated}, created {created}, deleted {deleted}");
        Assert.InRange(after.Count, 150, 250);
    }

    [Fact]
    public async Task SetChurnAsync_PositiveRate_ChangesTheCloudUntilStopped()
    {
        await using var sut = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = 50 });
        var before = string.Join("\n", (await sut.Control.GetServersAsync()).Select(s => s.ToString()));

        await sut.Control.SetChurnAsync(200);
        var changed = false;
        for (var attempt = 0; attempt < 100 && !changed; attempt++)
        {
            await Task.Delay(50);
            changed = before != string.Join("\n", (await sut.Control.GetServersAsync()).Select(s => s.ToString()));
        }

        await sut.Control.SetChurnAsync(0);

        Assert.True(changed);
        Assert.Equal(0, sut.Parts.Churn.PerSecond);
    }
}
