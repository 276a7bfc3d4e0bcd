namespace SamplePlugin;

/// <summary>The entity types of the sample plugin.</summary>
public static class SampleEntityTypes
{
    /// <summary>Server names and ids, from nova's summary list <c>GET /servers?all_tenants=1</c>.</summary>
    public const string Server = "sample.server";
}
