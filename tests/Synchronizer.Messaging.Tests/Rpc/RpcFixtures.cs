using System.Runtime.CompilerServices;

namespace Synchronizer.Messaging.Tests.Rpc;

/// <summary>
/// Request bodies recorded from the real oslo.messaging 14 RPC client (Debian python3-oslo.messaging),
/// exactly as the broker delivered them (Fixtures/oslo-request.*.body.json), and a copy of the .NET
/// client's golden request (Fixtures/synchronizer-client-request.*.body.json).
/// </summary>
internal static class RpcFixtures
{
    public static byte[] Read(string name, [CallerFilePath] string callerPath = "") =>
        File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(callerPath)!, "Fixtures", name));
}
