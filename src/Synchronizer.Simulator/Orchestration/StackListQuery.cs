using System.Globalization;
using Microsoft.Extensions.Primitives;
using Synchronizer.Simulator.Identity;

namespace Synchronizer.Simulator.Orchestration;

/// <summary>The query of <c>GET /stacks</c>, read the way heat's StackController._index reads it.</summary>
internal sealed record StackListQuery(string? ProjectId, string? Name, string? Marker, int? Limit, bool WithCount)
{
    /// <summary>
    /// The <c>id</c> filter (filter_whitelist, PARAM_TYPE_MIXED): one value is an equality, repeated ones an IN;
    /// null when the request has none.
    /// </summary>
    public IReadOnlyList<string>? Ids { get; init; }

    private static readonly string[] TrueStrings = ["1", "t", "true", "on", "y", "yes"];
    private static readonly string[] FalseStrings = ["0", "f", "false", "off", "n", "no"];

    /// <exception cref="HeatFaultException">400 for a bad limit or boolean, 403 for global_tenant without admin.</exception>
    public static StackListQuery Parse(IQueryCollection query, IssuedToken token)
    {
        // global_index's policy (stacks:global_index) is for admins (REALSTACK.md, pitfall 9).
        if (Bool(query, "global_tenant") && !token.IsAdmin)
        {
            throw HeatFaultException.Forbidden();
        }

        // The engine drops the tenant filter for an admin context (db api _query_stack_get_all), so an
        // admin lists every project's stacks with or without global_tenant; anyone else sees their own.
        var project = token.IsAdmin ? null : token.Project.Id;
        int? limit = null;
        if (Last(query, "limit") is { } text)
        {
            limit = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw HeatFaultException.BadRequest();
        }

        string[]? ids = query.TryGetValue("id", out StringValues idValues) && idValues.Count > 0 ? [.. idValues.Select(v => v ?? string.Empty)] : null;
        return new StackListQuery(project, Last(query, "name") ?? Last(query, "stack_name"), Last(query, "marker"), limit, Bool(query, "with_count"))
        {
            Ids = ids,
        };
    }

    public bool Matches(StackRecord stack) =>
        (ProjectId is null || stack.ProjectId == ProjectId) && (Name is null || stack.Name == Name) && (Ids is null || Ids.Contains(stack.Id));

    // _extract_bool_param: strict strutils.bool_from_string; a ValueError is a plain HTTPBadRequest.
    private static bool Bool(IQueryCollection query, string name)
    {
        if (Last(query, name) is not { } value)
        {
            return false;
        }

        if (TrueStrings.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return FalseStrings.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase) ? false : throw HeatFaultException.BadRequest();
    }

    private static string? Last(IQueryCollection query, string key) =>
        query.TryGetValue(key, out StringValues values) && values.Count > 0 ? values[^1] : null;
}
