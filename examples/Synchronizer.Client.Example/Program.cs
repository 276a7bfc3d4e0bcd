using System.Text.Json;
using Microsoft.Extensions.Logging;
using Synchronizer.Client;
using Synchronizer.Client.Replication;

// Follows one entity type of the synchronizer and prints every change of its replica.
//
//   dotnet run --project examples/Synchronizer.Client.Example -- \
//       --url rabbit://guest:guest@127.0.0.1:5672/ --type nova.instance [--exchange synchronizer]
//       [--topic synchronizer] [--prefix synchronizer] [--state replica.json]
//
// With --state, the replica is saved to that file on exit and, when the file exists at start,
// reconciled from it (CONTRACT §5.4) instead of taking a new snapshot. Ctrl+C stops.
var arguments = ExampleArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("usage: Synchronizer.Client.Example --url URL --type ENTITY_TYPE [--exchange NAME] [--topic RPC_TOPIC] [--prefix NOTIFICATION_TOPIC_PREFIX] [--state FILE]");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
var options = new SynchronizerClientOptions
{
    TransportUrl = arguments.Url,
    ControlExchange = arguments.Exchange,
    RpcTopic = arguments.Topic,
    NotificationTopicPrefix = arguments.Prefix,
};
await using var client = await SynchronizerClient.ConnectAsync(options, logging, stop.Token);

var persisted = ReplicaFile.Load(arguments.StateFile);
await using var follower = await client.FollowAsync(arguments.EntityType, new FollowOptions { PersistedReplica = persisted }, stop.Token);
Console.WriteLine($"{follower.EntityType}: {follower.Entities.Count} entities at revision {follower.Revision}");

try
{
    await foreach (var change in follower.ReadChangesAsync(stop.Token))
    {
        var name = change.Entity?.Entity.TryGetProperty("name", out var n) == true ? n.ToString() : string.Empty;
        var fields = change.ChangedFields.Count > 0 ? $" [{string.Join(", ", change.ChangedFields)}]" : string.Empty;
        Console.WriteLine($"r{change.Revision} {change.Kind,-7} {change.Id} {name}{fields} ({change.Origin})");
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // Ctrl+C.
}

ReplicaFile.Save(arguments.StateFile, follower.Entities.Values);
Console.WriteLine($"{follower.EntityType}: stopped at revision {follower.Revision} with {follower.Entities.Count} entities");
return 0;

/// <summary>The command line of the example.</summary>
internal sealed record ExampleArguments(string Url, string EntityType, string Exchange, string Topic, string Prefix, string? StateFile)
{
    public static ExampleArguments? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        return values.TryGetValue("--url", out var url) && values.TryGetValue("--type", out var type)
            ? new ExampleArguments(
                url,
                type,
                values.GetValueOrDefault("--exchange", "synchronizer"),
                values.GetValueOrDefault("--topic", "synchronizer"),
                values.GetValueOrDefault("--prefix", "synchronizer"),
                values.GetValueOrDefault("--state"))
            : null;
    }
}

/// <summary>A replica kept between runs: one JSON array of <see cref="ReplicaEntity"/>.</summary>
internal static class ReplicaFile
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyCollection<ReplicaEntity>? Load(string? path) =>
        path is not null && File.Exists(path) ? JsonSerializer.Deserialize<ReplicaEntity[]>(File.ReadAllBytes(path), Json) : null;

    public static void Save(string? path, IEnumerable<ReplicaEntity> entities)
    {
        if (path is not null)
        {
            File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(entities.ToArray(), Json));
        }
    }
}
