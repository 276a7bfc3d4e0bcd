using System.Globalization;
using System.Text.RegularExpressions;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Compute;

/// <summary>The query of <c>GET /servers[/detail]</c>, read the way nova's servers controller reads it.</summary>
internal sealed record ServerListQuery(ServerFilter Filter, string? Marker, int Limit)
{
    private static readonly string[] TrueStrings = ["1", "t", "true", "on", "y", "yes"];
    private static readonly string[] FalseStrings = ["0", "f", "false", "off", "n", "no"];

    /// <exception cref="NovaFaultException">400 for a bad value, 403 for all_tenants without admin.</exception>
    public static ServerListQuery Parse(IQueryCollection query, IssuedToken token, int maxLimit, bool detailed)
    {
        // webob's GET[key] is the last value of a repeated parameter.
        var allTenants = AllTenants(query);
        var tenantId = NovaQuery.Last(query, "tenant_id");

        // A tenant_id other than the token's own implies all_tenants, unless that was given explicitly.
        if (tenantId is not null && !query.ContainsKey("all_tenants") && tenantId != token.Project.Id)
        {
            allTenants = true;
        }

        if (allTenants && !token.IsAdmin)
        {
            var policy = detailed ? "os_compute_api:servers:detail:get_all_tenants" : "os_compute_api:servers:index:get_all_tenants";
            throw new NovaFaultException(StatusCodes.Status403Forbidden, $"Policy doesn't allow {policy} to be performed.");
        }

        var project = allTenants ? NovaQuery.Last(query, "project_id") ?? tenantId : token.Project.Id;
        var statuses = query.TryGetValue("status", out var status) ? status.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray() : [];
        var name = NovaQuery.Last(query, "name") is { Length: > 0 } pattern ? NameFilter(pattern) : null;
        var filter = new ServerFilter(project, statuses, name, ChangesSince(query));

        return new ServerListQuery(filter, NovaQuery.Last(query, "marker"), NovaQuery.Limit(query, maxLimit));
    }

    private static bool AllTenants(IQueryCollection query)
    {
        if (!query.TryGetValue("all_tenants", out var values))
        {
            return false;
        }

        // common.is_all_tenants: an empty value enables it; anything else goes through strict bool_from_string.
        var value = values[^1] ?? string.Empty;
        if (value.Length == 0 || TrueStrings.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return FalseStrings.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase)
            ? false
            : throw new NovaFaultException(
                $"Invalid input received: Unrecognized value '{value}', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'");
    }

    // The query schema's "date-time" format (iso8601.parse_date); nova compares it with the naive UTC updated_at.
    private static DateTime? ChangesSince(IQueryCollection query)
    {
        if (NovaQuery.Last(query, "changes-since") is not { } text)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since) && text.Contains('T', StringComparison.Ordinal)
            ? since.UtcDateTime
            : throw new NovaFaultException($"Invalid input for query parameters changes-since. Value: {text}. '{text}' is not a 'date-time'");
    }

    // Nova matches name with the database's REGEXP, which MySQL applies case-insensitively.
    private static Regex NameFilter(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return new Regex(Regex.Escape(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }
}
