using System.Text;
using System.Text.Json;
using Synchronizer.Core.Canonicalization;
using Synchronizer.Core.Hashing;
using Synchronizer.Plugins.Cinder;
using Synchronizer.Plugins.Heat;
using Synchronizer.Plugins.Nova;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.EndToEnd;

/// <summary>
/// The simulator's own state through its control API, each entity hashed as the contract defines it
/// (CONTRACT §1): the entity as the API lists it to the admin at the microversion the plugins ask
/// for, minus the fields its plugin declares volatile.
/// </summary>
internal static class GroundTruth
{
    /// <summary>Reads every live entity of <paramref name="entityType"/>: id to contract hash.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> HashesAsync(
        SimulatorServer simulator, string entityType, IReadOnlySet<string> volatileFields, CancellationToken cancellationToken)
    {
        var (path, property) = entityType switch
        {
            NovaEntityTypes.Instance => ($"control/servers?microversion={new NovaOptions().Microversion}", "servers"),
            CinderEntityTypes.Volume => ($"control/volumes?microversion={new CinderOptions().Microversion}", "volumes"),
            HeatEntityTypes.Stack => ("control/stacks", "stacks"),
            _ => throw new ArgumentOutOfRangeException(nameof(entityType), entityType, "No ground truth for this type."),
        };
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        await using var body = await http.GetStreamAsync(new Uri(path, UriKind.Relative), cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return document.RootElement.GetProperty(property).EnumerateArray().ToDictionary(
            e => e.GetProperty("id").GetString()!,
            e => HashOf(e, volatileFields),
            StringComparer.Ordinal);
    }

    /// <summary>The contract's hash of an entity: XXH3-64 of its RFC 8785 form, volatile fields left out.</summary>
    public static string HashOf(JsonElement entity, IReadOnlySet<string> volatileFields) =>
        ContentHash.Of(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(entity.GetRawText()), volatileFields)).ToString();

    /// <summary>How many notifications the simulator has not yet handed to the broker.</summary>
    public static async Task<long> PendingNotificationsAsync(SimulatorServer simulator, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        await using var body = await http.GetStreamAsync(new Uri("control/status", UriKind.Relative), cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return document.RootElement.GetProperty("notifications").GetProperty("pending").GetInt64();
    }
}
