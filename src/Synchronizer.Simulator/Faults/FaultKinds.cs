namespace Synchronizer.Simulator.Faults;

/// <summary>The names of the fault kinds, as they appear in <see cref="FaultRule.Kind"/>.</summary>
internal static class FaultKinds
{
    public const string Status = "status";
    public const string RetryAfter = "retry_after";
    public const string Delay = "delay_ms";
    public const string MalformedJson = "malformed_json";
    public const string Html = "html";
    public const string Reset = "reset";

    public static readonly IReadOnlyList<string> All = [Status, RetryAfter, Delay, MalformedJson, Html, Reset];
}
