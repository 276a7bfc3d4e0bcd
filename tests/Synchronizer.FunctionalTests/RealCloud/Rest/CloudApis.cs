using System.Text.Json;
using Synchronizer.Plugins.Cinder;
using Synchronizer.Plugins.Heat;
using Synchronizer.Plugins.Nova;

namespace Synchronizer.FunctionalTests.RealCloud.Rest;

/// <summary>The services of one user's session, and every entity of a type as the APIs list it.</summary>
internal sealed class CloudApis : IDisposable
{
    private readonly CloudSession _session;

    public CloudApis(RealCloudEnvironment cloud, CloudCredentials credentials)
    {
        _session = new CloudSession(cloud, credentials);
        Nova = new NovaApi(_session);
        Cinder = new CinderApi(_session);
        Heat = new HeatApi(_session);
    }

    public CloudSession Session => _session;

    public NovaApi Nova { get; }

    public CinderApi Cinder { get; }

    public HeatApi Heat { get; }

    /// <summary>Every entity of <paramref name="entityType"/> with its id as the contract writes it (needs an admin session).</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> ListAsync(string entityType)
    {
        var (items, idOf) = entityType switch
        {
            NovaEntityTypes.Instance => (await Nova.ListServersAsync(), Id("id")),
            NovaEntityTypes.Host => (await Nova.ListHypervisorsAsync(), Id("id")),
            NovaEntityTypes.Zone => (await Nova.ListZonesAsync(), Id("zoneName")),
            CinderEntityTypes.Volume => (await Cinder.ListVolumesAsync(), Id("id")),
            HeatEntityTypes.Stack => (await Heat.ListStacksAsync(), Id("id")),
            _ => throw new ArgumentOutOfRangeException(nameof(entityType), entityType, "not a built-in type"),
        };
        return items.ToDictionary(idOf, item => item, StringComparer.Ordinal);
    }

    public void Dispose() => _session.Dispose();

    // Integer ids (hypervisors before 2.53) become their decimal text (CONTRACT §1).
    private static Func<JsonElement, string> Id(string property) => item =>
    {
        var id = item.GetProperty(property);
        return id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString()!;
    };
}
