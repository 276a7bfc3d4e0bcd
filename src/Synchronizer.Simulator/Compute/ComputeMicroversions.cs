using Microsoft.Extensions.Primitives;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute;

/// <summary>Microversion negotiation as nova's wsgi.Request.set_api_version_request does it.</summary>
internal static class ComputeMicroversions
{
    public const string Header = "OpenStack-API-Version";
    public const string LegacyHeader = "X-OpenStack-Nova-API-Version";

    public static readonly ApiVersion Min = new(2, 1);

    // The newest microversion with server samples in the fixtures (SOURCES.md: v2.100). The realstack's
    // Zed nova stops at 2.93; clients negotiate down through the version document either way.
    public static readonly ApiVersion Max = new(2, 100);

    /// <summary>The requested version; no header means 2.1 and "latest" means the maximum.</summary>
    /// <exception cref="NovaFaultException">400 for a malformed version, 406 for one out of range.</exception>
    public static ApiVersion Negotiate(IHeaderDictionary headers)
    {
        var text = Requested(headers);
        if (text is null)
        {
            return Min;
        }

        if (string.Equals(text, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return Max;
        }

        if (!ApiVersion.TryParse(text, out var version))
        {
            throw new NovaFaultException($"API Version String {text} is of invalid format. Must be of format MajorNum.MinorNum.");
        }

        return version >= Min && version <= Max
            ? version
            : throw new NovaFaultException(
                StatusCodes.Status406NotAcceptable,
                $"Version {version} is not supported by the API. Minimum is {Min} and maximum is {Max}.");
    }

    /// <summary>Every response of a versioned request names the version it was served at.</summary>
    public static void SetResponseHeaders(HttpResponse response, ApiVersion version)
    {
        response.Headers[Header] = "compute " + version;
        response.Headers[LegacyHeader] = version.ToString();
        response.Headers.Append("Vary", new StringValues([Header, LegacyHeader]));
    }

    // microversion_parse: the new header wins when it names "compute"; it may hold several
    // comma-separated "<service> <version>" pairs, or appear more than once.
    private static string? Requested(IHeaderDictionary headers)
    {
        foreach (var value in headers[Header])
        {
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var pieces = part.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (pieces.Length == 2 && string.Equals(pieces[0], "compute", StringComparison.OrdinalIgnoreCase))
                {
                    return pieces[1];
                }
            }
        }

        var legacy = headers[LegacyHeader].ToString();
        return legacy.Length > 0 ? legacy.Trim() : null;
    }
}
