using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace Synchronizer.Simulator.Compute;

/// <summary>The nested parts of a server body: image, flavor, addresses, links, fault, admin attributes.</summary>
internal static partial class ServerViewWriter
{
    private static void WriteImage(Utf8JsonWriter w, ImageSpec image, ServerView view)
    {
        w.WriteStartObject("image");
        w.WriteString("id", image.Id);
        WriteBookmark(w, view.BookmarkUrl + "/images/" + image.Id);
        if (view.AtLeast(ServerView.ImageProperties))
        {
            WriteStringMap(w, "properties", image.Properties);
        }

        w.WriteEndObject();
    }

    private static void WriteFlavor(Utf8JsonWriter w, FlavorSpec flavor, ServerView view)
    {
        w.WriteStartObject("flavor");
        if (view.AtLeast(ServerView.FlavorDict))
        {
            // From 2.47 the flavor is a copy embedded in the instance, so a later flavor change cannot alter it.
            w.WriteNumber("vcpus", flavor.Vcpus);
            w.WriteNumber("ram", flavor.RamMb);
            w.WriteNumber("disk", flavor.DiskGb);
            w.WriteNumber("ephemeral", flavor.EphemeralGb);
            w.WriteNumber("swap", flavor.Swap);
            w.WriteString("original_name", flavor.Name);
            WriteStringMap(w, "extra_specs", flavor.ExtraSpecs);
        }
        else
        {
            w.WriteString("id", flavor.Id);
            WriteBookmark(w, view.BookmarkUrl + "/flavors/" + flavor.Id);
        }

        w.WriteEndObject();
    }

    private static void WriteAddresses(Utf8JsonWriter w, ServerRecord s)
    {
        w.WriteStartObject("addresses");

        // Nova hides the addresses of a server that is still building.
        if (s.VmState != "building")
        {
            Span<byte> text = stackalloc byte[24];
            var n = (ulong)s.Seq + 9;
            w.WriteStartArray(ComputeCatalog.NetworkName);
            w.WriteStartObject();
            w.WriteNumber("version", 4);
            Utf8.TryWrite(text, CultureInfo.InvariantCulture, $"10.{(n >> 16) & 0xFF}.{(n >> 8) & 0xFF}.{n & 0xFF}", out var written);
            w.WriteString("addr", text[..written]);
            w.WriteString("OS-EXT-IPS:type", "fixed");
            Utf8.TryWrite(text, CultureInfo.InvariantCulture, $"fa:16:3e:{(n >> 16) & 0xFF:x2}:{(n >> 8) & 0xFF:x2}:{n & 0xFF:x2}", out written);
            w.WriteString("OS-EXT-IPS-MAC:mac_addr", text[..written]);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteLinks(Utf8JsonWriter w, string id, ServerView view)
    {
        w.WriteStartArray("links");
        w.WriteStartObject();
        w.WriteString("rel", "self");
        w.WriteString("href", view.ComputeUrl + "/servers/" + id);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("rel", "bookmark");
        w.WriteString("href", view.BookmarkUrl + "/servers/" + id);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteFault(Utf8JsonWriter w, ServerFault fault, ServerView view)
    {
        w.WriteStartObject("fault");
        w.WriteNumber("code", fault.Code);
        WriteIsoTime(w, "created", fault.CreatedAt);
        w.WriteString("message", fault.Message);

        // The traceback of a 500 is for admins only.
        if (fault.Details.Length > 0 && (view.IsAdmin || fault.Code != 500))
        {
            w.WriteString("details", fault.Details);
        }

        w.WriteEndObject();
    }

    private static void WriteExtendedAttributes(Utf8JsonWriter w, ServerRecord s, ServerView view)
    {
        Span<byte> text = stackalloc byte[24];
        WriteStringOrNull(w, "OS-EXT-SRV-ATTR:host", s.Host);
        Utf8.TryWrite(text, CultureInfo.InvariantCulture, $"instance-{s.Seq:x8}", out var written);
        w.WriteString("OS-EXT-SRV-ATTR:instance_name", text[..written]);
        WriteStringOrNull(w, "OS-EXT-SRV-ATTR:hypervisor_hostname", s.Host);
        if (!view.AtLeast(ServerView.ExtendedAttributes))
        {
            return;
        }

        w.WriteString("OS-EXT-SRV-ATTR:reservation_id", ReservationId(s.Seq, text));
        w.WriteNumber("OS-EXT-SRV-ATTR:launch_index", 0);
        w.WriteString("OS-EXT-SRV-ATTR:hostname", s.Hostname);
        w.WriteString("OS-EXT-SRV-ATTR:kernel_id", string.Empty);
        w.WriteString("OS-EXT-SRV-ATTR:ramdisk_id", string.Empty);
        w.WriteString("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda");
        w.WriteNull("OS-EXT-SRV-ATTR:user_data");
    }

    private static void WriteSecurityGroups(Utf8JsonWriter w)
    {
        w.WriteStartArray("security_groups");
        w.WriteStartObject();
        w.WriteString("name", "default");
        w.WriteEndObject();
        w.WriteEndArray();
    }

    // "r-" and eight [a-z0-9], like nova's reservation ids; derived from seq, so never stored.
    private static ReadOnlySpan<byte> ReservationId(long seq, Span<byte> text)
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

        return text[..10];
    }
}
