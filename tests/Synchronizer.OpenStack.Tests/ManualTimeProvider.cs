namespace Synchronizer.OpenStack.Tests;

/// <summary>A clock the test moves by hand (the Microsoft.Extensions.TimeProvider.Testing package is not served here).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
