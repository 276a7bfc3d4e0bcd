using System.Runtime.CompilerServices;
using System.Text;

namespace Synchronizer.Client.Tests;

/// <summary>
/// Compares bytes with a checked-in file next to the test (Golden/). Set SYNCHRONIZER_UPDATE_GOLDEN=1 to
/// rewrite the files after an intended wire-format change, then review the diff: the service reads these bytes.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, byte[] actual, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("SYNCHRONIZER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, actual);
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the test with SYNCHRONIZER_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path, Encoding.UTF8), Encoding.UTF8.GetString(actual));
    }
}
