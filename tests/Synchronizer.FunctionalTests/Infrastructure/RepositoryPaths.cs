namespace Synchronizer.FunctionalTests.Infrastructure;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Synchronizer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Synchronizer.sln above {AppContext.BaseDirectory}.");
    }
}
