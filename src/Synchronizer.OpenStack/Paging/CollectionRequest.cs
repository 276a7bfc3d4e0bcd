namespace Synchronizer.OpenStack.Paging;

/// <summary>Describes a paginated OpenStack list call.</summary>
/// <param name="ServiceType">The catalog service type, for example <c>compute</c>.</param>
/// <param name="Path">The path below the endpoint, for example <c>/servers/detail</c>.</param>
/// <param name="CollectionKey">The JSON key of the item array, for example <c>servers</c>.</param>
/// <param name="PageSize">The <c>limit</c> sent with each page.</param>
public sealed record CollectionRequest(string ServiceType, string Path, string CollectionKey, int PageSize)
{
    /// <summary>Gets the query parameters sent with every page, for example <c>all_tenants=1</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>Gets the key of the links array, for example <c>servers_links</c>; <see langword="null"/> when the service pages by marker alone.</summary>
    public string? LinksKey { get; init; }

    /// <summary>Gets the property that holds each item's id. The default value is <c>id</c>.</summary>
    public string IdProperty { get; init; } = "id";

    /// <summary>Gets the microversion to request.</summary>
    public ApiVersion? Version { get; init; }
}
