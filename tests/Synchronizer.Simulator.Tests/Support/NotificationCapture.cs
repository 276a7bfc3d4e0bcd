using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Tests.Support;

/// <summary>
/// A simulator with notifications on but its broker unreachable (port 1), so every notification stays
/// queued where a test can read it: the oslo envelope, the decoded message, the exchange and routing key.
/// </summary>
internal static class NotificationCapture
{
    public const string UnreachableBroker = "rabbit://guest:guest@127.0.0.1:1/";

    public static Task<SimulatorServer> StartAsync(SimulatorOptions? options = null) =>
        SimulatorServer.StartAsync((options ?? new SimulatorOptions()) with { NotificationsTransportUrl = UnreachableBroker });

    public static List<Captured> Drain(SimulatorServer server)
    {
        var captured = new List<Captured>();
        while (server.Parts.Notifications.Reader.TryRead(out var message))
        {
            using var envelope = JsonDocument.Parse(message.Body);
            var outer = envelope.RootElement.Clone();
            using var inner = JsonDocument.Parse(outer.GetProperty("oslo.message").GetString()!);
            captured.Add(new Captured(message.Exchange, message.RoutingKey, outer, inner.RootElement.Clone()));
        }

        return captured;
    }

    /// <summary>One published notification.</summary>
    public sealed record Captured(string Exchange, string RoutingKey, JsonElement Envelope, JsonElement Message)
    {
        public string EventType => Message.GetProperty("event_type").GetString()!;

        public JsonElement Payload => Message.GetProperty("payload");
    }
}
