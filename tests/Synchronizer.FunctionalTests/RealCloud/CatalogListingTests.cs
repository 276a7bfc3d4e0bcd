using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Cinder;
using Synchronizer.Plugins.Heat;
using Synchronizer.Plugins.Nova;
using Xunit.Abstractions;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// The start-up poll finds the real cloud's entities of every built-in type, through Keystone's
/// catalog, in all projects, in pages small enough that every paged list takes several.
/// </summary>
[Trait("Category", "RealCloud")]
[Collection(RealCloudTests.Name)]
public sealed class CatalogListingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly RealCloudFixture _fixture;
    private readonly ITestOutputHelper _output;

    public CatalogListingTests(RealCloudFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task StartUpPoll_AllProjectsInSmallPages_AnnouncesEveryEntityTheApisList()
    {
        var admin = _fixture.Admin;
        await QuietCloud.WaitAsync(admin);
        var exchange = TestBroker.UniqueExchange();
        await using var ours = await TopicRecorder.StartAsync(TestBroker.TransportUrl, exchange, [.. RealCloudTypes.All.Select(t => $"synchronizer.{t}.info")]);
        var settings = new Dictionary<string, string?>
        {
            // A third of what each service lists, so every paged list takes several pages.
            ["nova:page_size"] = PageSize((await admin.Nova.ListServersAsync()).Count),
            ["cinder:page_size"] = PageSize((await admin.Cinder.ListVolumesAsync()).Count),
            ["heat:page_size"] = PageSize((await admin.Heat.ListStacksAsync()).Count),
        };
        foreach (var type in RealCloudTypes.All)
        {
            settings[$"{type}:interval"] = "3600";
        }

        await using var synchronizer = await RealSynchronizer.StartAsync(_fixture.Cloud, exchange, settings);
        await synchronizer.WaitForFirstPollsAsync();
        var hashes = new EntityHashes(synchronizer.Services.GetServices<IEntityPoller>());

        foreach (var type in RealCloudTypes.All)
        {
            var listed = await admin.ListAsync(type);
            var creates = await Eventually.UntilAsync(
                () => Task.FromResult(ours.Received.Where(m => m.EventType == $"{type}.create").ToList()),
                received => received.Count >= listed.Count,
                Patience,
                $"{listed.Count} {type}.create notifications");
            RealCloudReport.Write(_output, $"listing {type}: {listed.Count} entities");

            Assert.NotEmpty(listed);
            Assert.Equal(
                hashes.OfAll(type, listed).OrderBy(e => e.Key, StringComparer.Ordinal),
                creates.ToDictionary(m => m.Id!, m => m.Payload.GetProperty("hash").GetString()!).OrderBy(e => e.Key, StringComparer.Ordinal));
            Assert.All(creates, m => Assert.Equal(EntityHashes.Of(m.Entity), m.Payload.GetProperty("hash").GetString()));
        }

        // Seeded in both projects: the admin's token sees the demo project's entities too.
        var projects = new[] { await admin.Session.ProjectIdAsync(), await _fixture.Demo.Session.ProjectIdAsync() };
        AssertProjects(ours, NovaEntityTypes.Instance, "tenant_id", projects);
        AssertProjects(ours, CinderEntityTypes.Volume, "os-vol-tenant-attr:tenant_id", projects);
        AssertProjects(ours, HeatEntityTypes.Stack, "project", projects);
    }

    private static string PageSize(int listed) => Math.Max(1, listed / 3).ToString(CultureInfo.InvariantCulture);

    private static void AssertProjects(TopicRecorder ours, string type, string projectField, string[] projects)
    {
        var seen = ours.Received.Where(m => m.EventType == $"{type}.create")
            .Select(m => m.Entity.TryGetProperty(projectField, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null)
            .ToHashSet();
        Assert.Subset(seen, projects.ToHashSet<string?>());
    }
}
