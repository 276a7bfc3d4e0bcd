using System.Globalization;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.FunctionalTests.Rpc;
using Synchronizer.Plugins.Nova;
using Xunit.Abstractions;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// Keystone with a one-minute token lifetime (scripts/realstack token-lifetime): polling goes on past
/// the first token's expiry, on a renewed token, and still announces changes. The normal lifetime is
/// restored afterwards whatever happens.
/// </summary>
[Trait("Category", "RealCloud")]
[Collection(RealCloudTests.Name)]
public sealed class TokenExpiryTests
{
    private const int LifetimeSeconds = 60;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly RealCloudFixture _fixture;
    private readonly ITestOutputHelper _output;

    public TokenExpiryTests(RealCloudFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task Polling_PastAOneMinuteTokenLifetime_RenewsTheTokenAndKeepsAnnouncing()
    {
        var nova = _fixture.Demo.Nova;
        var id = await nova.CreateServerAsync(_fixture.NewName("vm"));
        await RealStackScript.RunAsync("token-lifetime", LifetimeSeconds.ToString(CultureInfo.InvariantCulture));
        try
        {
            var logs = new RecordingLoggerProvider();
            var exchange = TestBroker.UniqueExchange();
            await using var ours = await TopicRecorder.StartAsync(TestBroker.TransportUrl, exchange, $"synchronizer.{NovaEntityTypes.Instance}.info");
            var settings = new Dictionary<string, string?> { [$"{NovaEntityTypes.Instance}:interval"] = "5" };
            foreach (var other in RealCloudTypes.All.Where(t => t != NovaEntityTypes.Instance))
            {
                settings[$"{other}:enabled"] = "false";
            }

            await using var synchronizer = await RealSynchronizer.StartAsync(_fixture.Cloud, exchange, settings, logs);
            await synchronizer.WaitForFirstPollsAsync();
            var firstExpiry = TokenExpiries(logs).First();
            RealCloudReport.Write(_output, $"token lifetime {LifetimeSeconds} s: first token expires {firstExpiry:HH:mm:ss}");

            // Wait past the first token's expiry, then make a change only a later poll can see.
            await Task.Delay(firstExpiry - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5));
            var newName = _fixture.NewName("vm-renamed");
            await nova.WaitForServerAsync(id, s => s?.GetProperty("status").GetString() == "ACTIVE", Patience, "to become ACTIVE");
            await nova.RenameServerAsync(id, newName);
            var renamed = await ours.FirstAsync(m => m.Id == id && m.EventType == "nova.instance.update" && m.Entity.GetProperty("name").GetString() == newName, Patience, "the rename");

            var status = synchronizer.Type(NovaEntityTypes.Instance).Status;
            Assert.True(renamed.ArrivedAt > firstExpiry, "the rename was announced before the first token expired");
            Assert.True(TokenExpiries(logs).Count >= 2, $"one token for the whole run: {string.Join(" | ", logs.Lines)}");
            Assert.Equal("ok", status.LastPollStatus);
            Assert.DoesNotContain(logs.Lines, l => l.Contains(" failed after ", StringComparison.Ordinal));
        }
        finally
        {
            await RealStackScript.RunAsync("token-lifetime", "default");
            await nova.DeleteServerAsync(id);
        }
    }

    // "Keystone token issued for project {ProjectId}, expires {ExpiresAt:O}"
    private static List<DateTimeOffset> TokenExpiries(RecordingLoggerProvider logs) =>
    [
        .. logs.Lines
            .Where(l => l.Contains("Keystone token issued", StringComparison.Ordinal))
            .Select(l => DateTimeOffset.Parse(l[(l.LastIndexOf("expires ", StringComparison.Ordinal) + "expires ".Length)..], CultureInfo.InvariantCulture)),
    ];
}
