using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using Synchronizer.Messaging;
using Synchronizer.Messaging.Listening;
using Synchronizer.Service.PushPath;

namespace Synchronizer.Service.Tests.PushPath;

/// <summary>Start-up of the push path: disabled does nothing, a bad option stops start-up naming its key.</summary>
public sealed class PushPathHostedServiceTests
{
    [Fact]
    public async Task StartAsync_Disabled_DoesNothing()
    {
        await using var service = Create(new OpenStackNotificationsOptions { Enabled = false, Nova = "not a list" });

        await service.StartAsync(CancellationToken.None);

        Assert.Null(service.Statistics);
    }

    [Theory]
    [InlineData("nova", "[openstack_notifications] nova")]
    [InlineData("cinder", "[openstack_notifications] cinder")]
    [InlineData("heat", "[openstack_notifications] heat")]
    public async Task StartAsync_MalformedSourceList_ThrowsNamingTheKey(string key, string expected)
    {
        var options = new OpenStackNotificationsOptions { Enabled = true };
        _ = key switch
        {
            "nova" => options.Nova = "nova",
            "cinder" => options.Cinder = "openstack:notifications,cinder:",
            _ => options.Heat = "heat:notifications:extra",
        };
        await using var service = Create(options);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.StartAsync(CancellationToken.None));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://example.com/", "", "[openstack_notifications] transport_url")]
    [InlineData("", "kafka://localhost:9092/", "[DEFAULT] transport_url")]
    public async Task StartAsync_BadTransportUrl_ThrowsNamingTheKey(string own, string fallback, string expected)
    {
        await using var service = Create(new OpenStackNotificationsOptions { Enabled = true, TransportUrl = own }, fallback);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.StartAsync(CancellationToken.None));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSources_Defaults_NovaCinderHeatInOrder() =>
        Assert.Equal(
            [new("nova", "nova", "versioned_notifications"), new("cinder", "openstack", "notifications"), new("cinder", "cinder", "notifications"), new NotificationSource("heat", "heat", "notifications")],
            PushPathHostedService.ReadSources(new OpenStackNotificationsOptions()));

    [Fact]
    public async Task StartAsync_BusUnreachable_StartsAndKeepsRetryingUntilStopped()
    {
        // Port 1 refuses at once: the service must start anyway (the RPC server does the same) and
        // stop cleanly while the retry loop waits.
        await using var service = Create(new OpenStackNotificationsOptions { Enabled = true });

        await service.StartAsync(CancellationToken.None);
        Assert.Null(service.Statistics);
        await service.StopAsync(CancellationToken.None);

        Assert.Null(service.Statistics);
    }

    private static PushPathHostedService Create(OpenStackNotificationsOptions options, string defaultUrl = "rabbit://guest:guest@127.0.0.1:1/") =>
        new(
            Options.Create(options),
            Options.Create(new MessagingOptions { TransportUrl = defaultUrl }),
            Substitute.For<IOpenStackNotificationHandler>(),
            TimeProvider.System,
            NullLoggerFactory.Instance);
}
