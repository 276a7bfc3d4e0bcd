using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using Synchronizer.OpenStack.Identity;

namespace Synchronizer.OpenStack.Tests;

/// <summary>Builds Keystone token responses shaped like the api-ref sample, and the clients under test around a stub handler.</summary>
internal static class FakeKeystone
{
    public const string AuthUrl = "http://keystone.test/identity/v3";
    public const string ComputeUrl = "http://nova.test/compute/v2.1";

    public static HttpResponseMessage TokenResponse(string token, DateTimeOffset expiresAt)
    {
        var body = JsonSerializer.Serialize(new
        {
            token = new
            {
                expires_at = expiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
                project = new { id = "p1", name = "admin" },
                catalog = new object[]
                {
                    new
                    {
                        type = "compute",
                        endpoints = new object[]
                        {
                            new { @interface = "public", region_id = "RegionOne", region = "RegionOne", url = ComputeUrl },
                            new { @interface = "internal", region_id = "RegionOne", region = "RegionOne", url = "http://internal.test/compute/v2.1" },
                        },
                    },
                },
            },
        });
        return StubHttpHandler.Json(HttpStatusCode.Created, body, ("X-Subject-Token", token));
    }

    public static IOptionsMonitor<ServiceCredentialsOptions> Options(Action<ServiceCredentialsOptions>? configure = null)
    {
        var options = new ServiceCredentialsOptions { AuthUrl = AuthUrl, Username = "admin", Password = "s3cret-pass", ProjectName = "admin" };
        configure?.Invoke(options);
        var monitor = Substitute.For<IOptionsMonitor<ServiceCredentialsOptions>>();
        monitor.CurrentValue.Returns(options);
        return monitor;
    }

    public static KeystoneTokenProvider TokenProvider(StubHttpHandler handler, TimeProvider time, IOptionsMonitor<ServiceCredentialsOptions>? options = null) =>
        new(new StubHttpClientFactory(handler), options ?? Options(), time, NullLogger<KeystoneTokenProvider>.Instance);
}
