using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary>Microversion negotiation as cinder.api.openstack.wsgi.Request.set_api_version_request does it.</summary>
internal static class CinderMicroversions
{
    public const string Header = "OpenStack-API-Version";

    public static readonly ApiVersion Min = new(3, 0);

    // The newest in the fixtures' versions document (cinder master, 3.71); Zed's cinder stops at 3.70.
    public static readonly ApiVersion Max = new(3, 71);

    /// <summary>No header means 3.0; "latest" means the maximum.</summary>
    /// <exception cref="CinderFaultException">
    /// 400 when the header names no volume version (REALSTACK.md: cinder rejects "compute 2.79" alone) or
    /// a malformed one, 406 for one out of range.
    /// </exception>
    public static ApiVersion Negotiate(IHeaderDictionary headers)
    {
        if (!headers.TryGetValue(Header, out var values))
        {
            return Min;
        }

        // Cinder takes the first comma-separated part that contains "volume" anywhere; a header without
        // one raises VersionNotFoundForAPIMethod outside the controller, which FaultWrapper turns into a
        // plain 400 (the exception is not "safe", so webob's default explanation is sent).
        string? requested = null;
        foreach (var part in values.ToString().Split(','))
        {
            if (part.Contains("volume", StringComparison.Ordinal))
            {
                var pieces = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                requested = pieces.Length == 2 ? pieces[1] : throw new CinderFaultException(CinderFaults.BadRequestExplanation);
                break;
            }
        }

        if (requested is null)
        {
            throw new CinderFaultException(CinderFaults.BadRequestExplanation);
        }

        if (requested == "latest")
        {
            return Max;
        }

        if (!ApiVersion.TryParse(requested, out var version))
        {
            throw new CinderFaultException($"API Version String {requested} is of invalid format. Must be of format MajorNum.MinorNum.");
        }

        return version >= Min && version <= Max
            ? version
            : throw new CinderFaultException(
                StatusCodes.Status406NotAcceptable,
                $"Version {version} is not supported by the API. Minimum is {Min} and maximum is {Max}.");
    }

    public static void SetResponseHeaders(HttpResponse response, ApiVersion version)
    {
        response.Headers[Header] = "volume " + version;
        response.Headers.Vary = Header;
    }
}
