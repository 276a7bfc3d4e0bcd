using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute;

/// <summary>
/// What decides a server body's shape: the microversion, whether the caller is admin (nova's
/// default policies show the extended attributes and host_status to admins only), the URL
/// prefixes links are built from, and whether it is a show (one server) or a list item.
/// </summary>
internal sealed record ServerView(ApiVersion Version, bool IsAdmin, string ComputeUrl, string BookmarkUrl, bool IsShow)
{
    public static readonly ApiVersion ExtendedAttributes = new(2, 3);
    public static readonly ApiVersion Locked = new(2, 9);
    public static readonly ApiVersion HostStatus = new(2, 16);
    public static readonly ApiVersion Description = new(2, 19);
    public static readonly ApiVersion Tags = new(2, 26);
    public static readonly ApiVersion FlavorDict = new(2, 47);
    public static readonly ApiVersion TrustedCertificates = new(2, 63);
    public static readonly ApiVersion ServerGroups = new(2, 71);
    public static readonly ApiVersion LockedReason = new(2, 73);
    public static readonly ApiVersion PublicHostname = new(2, 90);
    public static readonly ApiVersion PinnedZone = new(2, 96);
    public static readonly ApiVersion ImageProperties = new(2, 98);
    public static readonly ApiVersion SchedulerHints = new(2, 100);

    /// <summary>Links follow the request: <c>{base}/compute/v2.1</c> for self, <c>{base}/compute</c> for bookmarks.</summary>
    public static ServerView For(ApiVersion version, bool isAdmin, string baseUrl, bool isShow) =>
        new(version, isAdmin, baseUrl + "/compute/v2.1", baseUrl + "/compute", isShow);

    public bool AtLeast(ApiVersion version) => Version >= version;
}
