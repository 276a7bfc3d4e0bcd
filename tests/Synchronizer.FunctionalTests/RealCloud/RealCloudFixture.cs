using System.Globalization;
using Synchronizer.FunctionalTests.RealCloud.Rest;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// What the real-cloud tests share: the cloud, an admin and a demo session, and a name prefix of this
/// run. At the end, whatever this run created and a failed test left behind is deleted.
/// </summary>
public sealed class RealCloudFixture : IAsyncLifetime
{
    private readonly Lazy<RealCloudEnvironment> _cloud = new(() => RealCloudEnvironment.Current);
    private readonly Lazy<CloudApis> _admin;
    private readonly Lazy<CloudApis> _demo;

    public RealCloudFixture()
    {
        _admin = new(() => new CloudApis(Cloud, Cloud.Admin));
        _demo = new(() => new CloudApis(Cloud, Cloud.Demo));
        RunPrefix = string.Create(CultureInfo.InvariantCulture, $"rc-{DateTime.UtcNow:HHmmss}-{Guid.NewGuid():N}")[..16];
    }

    /// <summary>Gets the prefix of every name this run gives an entity, so runs never collide and clean-up finds them.</summary>
    public string RunPrefix { get; }

    internal RealCloudEnvironment Cloud => _cloud.Value;

    /// <summary>Gets the admin's APIs: the truth of every listing (all projects).</summary>
    internal CloudApis Admin => _admin.Value;

    /// <summary>Gets the demo user's APIs: the tests create their entities in project demo, so "all projects" matters.</summary>
    internal CloudApis Demo => _demo.Value;

    /// <summary>A unique name for a new entity.</summary>
    public string NewName(string kind) => $"{RunPrefix}-{kind}-{Guid.NewGuid():N}"[..(RunPrefix.Length + kind.Length + 8)];

    // Reading the environment here fails every test of the collection at once when the cloud is missing.
    public Task InitializeAsync() => Admin.Session.ProjectIdAsync();

    public async Task DisposeAsync()
    {
        try
        {
            if (_admin.IsValueCreated && _demo.IsValueCreated)
            {
                await RunSweeper.DeleteLeftoversAsync(Admin, Demo, RunPrefix);
            }
        }
        finally
        {
            if (_demo.IsValueCreated)
            {
                Demo.Dispose();
            }

            if (_admin.IsValueCreated)
            {
                Admin.Dispose();
            }
        }
    }
}
