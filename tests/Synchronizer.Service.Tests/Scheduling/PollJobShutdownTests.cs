using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NSubstitute;
using Quartz;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.Core.Publishing;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Hosting;
using Synchronizer.Service.Metrics;
using Synchronizer.Service.Sync;
using Synchronizer.Service.Tests.Sync;

namespace Synchronizer.Service.Tests.Scheduling;

/// <summary>
/// The scheduler as <c>AddSynchronizer</c> registers it, in a host with a slow poller and a fake
/// publisher: a poll running when the service is told to stop finishes and publishes its changes
/// before the host lets go of its services (the broker connection among them).
/// </summary>
public sealed class PollJobShutdownTests
{
    [Fact]
    public async Task StopAsync_PollInFlight_FinishesAndPublishesBeforeTheServicesAreDisposed()
    {
        var poller = new GatedPoller("nova.instance");
        poller.Entities.Add(("a", """{"id":"a"}"""));
        var published = new List<EntityChange>();
        var publisher = Substitute.For<IChangePublisher>();
        publisher.PublishAsync(Arg.Do<IReadOnlyList<EntityChange>>(published.AddRange), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        var host = CreateHost(poller, publisher);
        await host.StartAsync().Within();
        var listing = await poller.NextListingAsync();

        // As serve does on SIGTERM: stop, then dispose, which cancels whatever still runs.
        var stopping = host.StopAsync();
        Assert.False(stopping.IsCompleted);
        listing.Complete();
        await stopping.Within();
        await ((IAsyncDisposable)host).DisposeAsync();

        var change = Assert.Single(published);
        Assert.Equal(("a", ChangeAction.Create, ChangeSource.Poll), (change.Id, change.Action, change.Source));
        Assert.False(listing.Token.IsCancellationRequested);
    }

    [Fact]
    public void AddSynchronizer_Scheduler_WaitsForRunningJobsWhenTheHostStops()
    {
        using var host = CreateHost(new GatedPoller("nova.instance"), Substitute.For<IChangePublisher>());

        Assert.True(host.Services.GetRequiredService<IOptionsMonitor<QuartzHostedServiceOptions>>().CurrentValue.WaitForJobsToComplete);
    }

    private static IHost CreateHost(IEntityPoller poller, IChangePublisher publisher)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["service_credentials:auth_url"] = "http://127.0.0.1:5000/v3",
            ["service_credentials:username"] = "admin",
            ["service_credentials:password"] = "secret",
            ["service_credentials:project_name"] = "admin",
        }).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);

        // Registered first: AddSynchronizer only adds what is missing.
        builder.Services.AddSingleton(publisher);
        builder.Services.AddSingleton(poller);
        builder.Services.AddSynchronizer(configuration);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton(provider => new EnabledTypes(provider.GetRequiredService<SynchronizationEngine>(), configuration));
        builder.Services.AddSingleton<SynchronizerMetrics>();
        builder.Services.AddSingleton<SyncCoordinator>();
        return builder.Build();
    }
}
