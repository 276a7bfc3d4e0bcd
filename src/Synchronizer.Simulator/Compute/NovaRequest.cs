using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Compute;

/// <summary>An authenticated nova request with its negotiated microversion.</summary>
internal sealed record NovaRequest(HttpContext Context, IssuedToken Token, ApiVersion Version, string BaseUrl)
{
    public string ComputeUrl => BaseUrl + "/compute/v2.1";

    public ServerView View(bool isShow) => ServerView.For(Version, Token.IsAdmin, BaseUrl, isShow);
}
