using System.Text.Json;
using static Synchronizer.Simulator.Hosting.JsonValues;

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

        if (ServerIdentity.HasAddresses(s))
        {
            Span<byte> text = stackalloc byte[24];
            w.WriteStartArray(ComputeCatalog.NetworkName);
            w.WriteStartObject();
            w.WriteNumber("version", 4);
            w.WriteString("addr", text[..ServerIdentity.FixedIp(s.Seq, text)]);
            w.WriteString("OS-EXT-IPS:type", "fixed");
            w.WriteString("OS-EXT-IPS-MAC:mac_addr", text[..ServerIdentity.Mac(s.Seq, text)]);
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
        w.WriteString("OS-EXT-SRV-ATTR:instance_name", text[..ServerIdentity.InstanceName(s.Seq, text)]);
        WriteStringOrNull(w, "OS-EXT-SRV-ATTR:hypervisor_hostname", s.Host);
        if (!view.AtLeast(ServerView.ExtendedAttributes))
        {
            return;
        }

        w.WriteString("OS-EXT-SRV-ATTR:reservation_id", text[..ServerIdentity.ReservationId(s.Seq, text)]);
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
}
