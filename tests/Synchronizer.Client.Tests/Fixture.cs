using System.Runtime.CompilerServices;

namespace Synchronizer.Client.Tests;

/// <summary>
/// Recorded message bodies: oslo-reply.* from the real oslo.messaging 14 RPC server (Debian
/// python3-oslo.messaging), synchronizer-* copied from the golden files of the service's wire formats.
/// </summary>
internal static class Fixture
{
    public static byte[] Read(string name, [CallerFilePath] string callerPath = "") =>
        File.ReadAllBytes(Path.Combine(FindRoot(callerPath), "Fixtures", name));

    private static string FindRoot(string callerPath)
    {
        for (var dir = Path.GetDirectoryName(callerPath); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Synchronizer.Client.Tests.csproj")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"No test project above {callerPath}.");
    }
}
