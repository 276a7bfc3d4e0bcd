namespace Synchronizer.OpenStack.Tests;

/// <summary>Recorded OpenStack samples (see ../shared/fixtures/openstack/SOURCES.md), copied to the test output.</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
