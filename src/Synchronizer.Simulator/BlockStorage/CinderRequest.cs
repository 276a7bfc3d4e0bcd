using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary>An authenticated cinder request with its negotiated microversion.</summary>
internal sealed record CinderRequest(HttpContext Context, IssuedToken Token, ApiVersion Version, string BaseUrl)
{
    /// <summary>
    /// Links name the project of the request URL (_get_project_id_in_url), which is the token's: an admin
    /// listing all tenants gets its own project in every href.
    /// </summary>
    public string VersionedUrl => BaseUrl + "/volume/v3/" + Token.Project.Id;

    public string BookmarkUrl => BaseUrl + "/volume/" + Token.Project.Id;

    public VolumeView View => new(Version, Token.IsAdmin, VersionedUrl, BookmarkUrl);
}
