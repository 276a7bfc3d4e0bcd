namespace Synchronizer.Plugins.Testing;

/// <summary>Reads recorded responses from the test project's <c>Fixtures/</c> folder, copied next to the test assembly.</summary>
public static class FixtureFiles
{
    /// <summary>Reads a fixture file.</summary>
    /// <param name="name">The file name below <c>Fixtures/</c>, named after the endpoint, for example <c>stacks.page1.json</c>.</param>
    /// <returns>The file's bytes.</returns>
    /// <exception cref="FileNotFoundException">No such fixture; check the csproj copies <c>Fixtures/**</c> to the output.</exception>
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
