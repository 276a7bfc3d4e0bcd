using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Synchronizer.Simulator.Compute;

/// <summary>
/// Values nova stores per instance that the simulator derives from its internal id instead: the libvirt
/// instance name, the reservation id, and the fixed address and MAC of its one port.
/// </summary>
internal static class ServerIdentity
{
    /// <summary>Nova shows no addresses while building; a deleted instance's ports are gone.</summary>
    public static bool HasAddresses(ServerRecord server) => server.VmState is not "building" and not "deleted";

    public static int InstanceName(long seq, Span<byte> text)
    {
        Utf8.TryWrite(text, CultureInfo.InvariantCulture, $"instance-{seq:x8}", out var written);
        return written;
    }

    public static int FixedIp(long seq, Span<byte> text)
    {
        var n = (ulong)seq + 9;
        Utf8.TryWrite(text, CultureInfo.InvariantCulture, $"10.{(n >> 16) & 0xFF}.{(n >> 8) & 0xFF}.{n & 0xFF}", out var written);
        return written;
    }

    public static int Mac(long seq, Span<byte> text)
    {
        var n = (ulong)seq + 9;
        Utf8.TryWrite(text, CultureInfo.InvariantCulture, $"fa:16:3e:{(n >> 16) & 0xFF:x2}:{(n >> 8) & 0xFF:x2}:{n & 0xFF:x2}", out var written);
        return written;
    }

    /// <summary>"r-" and eight [a-z0-9], like nova's reservation ids.</summary>
    public static int ReservationId(long seq, Span<byte> text)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var h = unchecked((ulong)seq * 0x9E3779B97F4A7C15UL);
        text[0] = (byte)'r';
        text[1] = (byte)'-';
        for (var i = 2; i < 10; i++)
        {
            text[i] = (byte)Alphabet[(int)(h % 36)];
            h /= 36;
        }

        return 10;
    }

    /// <summary>The neutron port of the instance's address, a UUID derived from the instance's.</summary>
    public static string PortId(string serverId)
    {
        var bytes = Guid.Parse(serverId).ToByteArray();
        Array.Reverse(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>The same values as strings, for notification payloads.</summary>
    public static (string InstanceName, string ReservationId, string FixedIp, string Mac) Texts(long seq)
    {
        Span<byte> text = stackalloc byte[32];
        return (
            Encoding.UTF8.GetString(text[..InstanceName(seq, text)]),
            Encoding.UTF8.GetString(text[..ReservationId(seq, text)]),
            Encoding.UTF8.GetString(text[..FixedIp(seq, text)]),
            Encoding.UTF8.GetString(text[..Mac(seq, text)]));
    }
}
