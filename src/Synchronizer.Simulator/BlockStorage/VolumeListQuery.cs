using System.Globalization;
using Microsoft.Extensions.Primitives;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.BlockStorage;

/// <summary>The query of <c>GET /volumes[/detail]</c>, read the way cinder's volumes controller and volume API read it.</summary>
internal sealed record VolumeListQuery(string? ProjectId, string? Name, string? Status, string? Marker, int Limit, bool WithCount)
{
    private static readonly string[] BoolStrings = ["1", "t", "true", "on", "y", "yes", "0", "f", "false", "off", "n", "no"];

    /// <exception cref="CinderFaultException">400 for a bad limit or boolean.</exception>
    public static VolumeListQuery Parse(IQueryCollection query, IssuedToken token, VolumeView view, int maxLimit)
    {
        var limit = ParseLimit(Last(query, "limit"), maxLimit);

        // Only an admin's all_tenants widens the list; anyone else's is ignored but must still be a boolean.
        var allTenants = Bool(query, "all_tenants") && token.IsAdmin;
        var project = allTenants ? Last(query, "project_id") : token.Project.Id;
        var withCount = view.AtLeast(VolumeView.Count) && Bool(query, "with_count");
        return new VolumeListQuery(project, Last(query, "name"), Last(query, "status"), Last(query, "marker"), limit, withCount);
    }

    public bool Matches(VolumeRecord volume) =>
        (ProjectId is null || volume.ProjectId == ProjectId)
        && (Name is null || volume.Name == Name)
        && (Status is null || volume.Status == Status);

    /// <summary>common._get_limit_param: int(limit), not negative, at most osapi_max_limit; absent means the maximum.</summary>
    public static int ParseLimit(string? text, int maxLimit)
    {
        if (text is null)
        {
            return maxLimit;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit))
        {
            throw new CinderFaultException("limit param must be an integer");
        }

        return limit < 0 ? throw new CinderFaultException("limit param must be positive") : Math.Min(limit, maxLimit);
    }

    // cinder.utils.get_bool_param: strutils' strict boolean strings, anything else is a 400.
    private static bool Bool(IQueryCollection query, string name)
    {
        if (Last(query, name) is not { } value)
        {
            return false;
        }

        return BoolStrings.Contains(value.ToLowerInvariant())
            ? Array.IndexOf(BoolStrings, value.ToLowerInvariant()) < 6
            : throw new CinderFaultException($"Value '{value}' for '{name}' is not a boolean.");
    }

    private static string? Last(IQueryCollection query, string key) =>
        query.TryGetValue(key, out StringValues values) && values.Count > 0 ? values[^1] : null;
}
