using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using Synchronizer.OpenStack.Identity;
using Synchronizer.OpenStack.Microversions;

namespace Synchronizer.OpenStack.Tests;

/// <summary>Builds Keystone token responses shaped like the api-ref sample, and the clients under test around a stub handler.</summary>
internal static class FakeKeystone
{
    public const string AuthUrl = "http://keystone.test/identity/v3";
    public const string ComputeUrl = "http://nova.test/compute/v2.1";
    public const string VolumeUrl = "http://cinder.test/volume/v3/p1";
    public const string OrchestrationUrl = "http://heat.test/orchestration/v1/p1";
    public const string Password = "s3cret-pass";

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
                    Service("volumev3", VolumeUrl),
                    Service("orchestration", OrchestrationUrl),
                },
            },
        });
        return StubHttpHandler.Json(HttpStatusCode.Created, body, ("X-Subject-Token", token));
    }

    public static IOptionsMonitor<ServiceCredentialsOptions> Options(Action<ServiceCredentialsOptions>? configure = null)
    {
        var options = new ServiceCredentialsOptions { AuthUrl = AuthUrl, Username = "admin", Password = Password, ProjectName = "admin" };
        configure?.Invoke(options);
        var monitor = Substitute.For<IOptionsMonitor<ServiceCredentialsOptions>>();
        monitor.CurrentValue.Returns(options);
        return monitor;
    }

    public static KeystoneTokenProvider TokenProvider(StubHttpHandler handler, TimeProvider time, IOptionsMonitor<ServiceCredentialsOptions>? options = null) =>
        TokenProvider(new StubHttpClientFactory(handler), time, options);

    public static KeystoneTokenProvider TokenProvider(IHttpClientFactory factory, TimeProvider time, IOptionsMonitor<ServiceCredentialsOptions>? options = null, ILoggerFactory? logs = null) =>
        new(factory, options ?? Options(), time, (logs ?? NullLoggerFactory.Instance).CreateLogger<KeystoneTokenProvider>());

    public static MicroversionNegotiator Negotiator(IHttpClientFactory factory, ITokenProvider tokens, TimeProvider time, IOptionsMonitor<ServiceCredentialsOptions>? options = null) =>
        new(new VersionDocumentReader(factory), tokens, options ?? Options(), time, NullLogger<MicroversionNegotiator>.Instance);

    private static object Service(string type, string url) => new
    {
        type,
        endpoints = new object[] { new { @interface = "public", region_id = "RegionOne", region = "RegionOne", url } },
    };
}
