using System.Globalization;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Simulator.Compute.Hosts;

/// <summary>
/// Renders a hypervisor in the order of nova's _view_hypervisor (fixtures nova/api_samples/os-hypervisors
/// v2.1, v2.53, v2.88): usage fields are summed from the servers on the host when the body is built.
/// </summary>
internal static class HypervisorViewWriter
{
    // The libvirt driver's cpu_info, stored JSON-encoded: a string before 2.28 (jsonutils.dumps spacing), an object after.
    private const string CpuInfo =
        "{\"arch\": \"x86_64\", \"model\": \"Cascadelake-Server-noTSX\", \"vendor\": \"Intel\", \"topology\": {\"cells\": 2, \"sockets\": 2, \"cores\": 16, \"threads\": 2}, "
        + "\"features\": [\"pge\", \"clflush\", \"sse4.2\", \"avx512f\", \"vmx\"]}";

    private static readonly JsonDocument CpuInfoDocument = JsonDocument.Parse(CpuInfo);

    // nova.conf [DEFAULT] reserved_host_memory_mb: counted as used on every node.
    private const int ReservedHostMemoryMb = 512;

    public static void Write(Utf8JsonWriter w, HypervisorRecord node, HostUsage usage, ApiVersion version, bool detail, DateTime now, IReadOnlyList<ServerRecord>? servers)
    {
        var uuids = version >= HypervisorVersions.Uuids;
        w.WriteStartObject();
        if (uuids)
        {
            w.WriteString("id", node.Uuid);
        }
        else
        {
            w.WriteNumber("id", node.Id);
        }

        w.WriteString("hypervisor_hostname", node.Hostname);
        w.WriteString("state", node.Up ? "up" : "down");
        w.WriteString("status", node.Disabled ? "disabled" : "enabled");
        if (detail)
        {
            w.WriteString("hypervisor_type", "QEMU");
            w.WriteNumber("hypervisor_version", 7002000);
            w.WriteString("host_ip", node.HostIp);
            w.WriteStartObject("service");
            if (uuids)
            {
                w.WriteString("id", node.ServiceUuid);
            }
            else
            {
                w.WriteNumber("id", node.ServiceId);
            }

            w.WriteString("host", node.Hostname);
            if (node.DisabledReason is null)
            {
                w.WriteNull("disabled_reason");
            }
            else
            {
                w.WriteString("disabled_reason", node.DisabledReason);
            }

            w.WriteEndObject();
            if (version < HypervisorVersions.NoUsage)
            {
                WriteUsage(w, node, usage, version);
            }
            else
            {
                WriteUptime(w, node, now);
            }
        }

        WriteServers(w, servers, version);
        w.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter w, HypervisorRecord node, HostUsage usage, ApiVersion version)
    {
        var memoryUsed = usage.RamMb + ReservedHostMemoryMb;
        w.WriteNumber("vcpus", node.Vcpus);
        w.WriteNumber("memory_mb", node.MemoryMb);
        w.WriteNumber("local_gb", node.LocalGb);
        w.WriteNumber("vcpus_used", usage.Vcpus);
        w.WriteNumber("memory_mb_used", memoryUsed);
        w.WriteNumber("local_gb_used", usage.DiskGb);

        // Overcommitted nodes report negative free figures, as nova does.
        w.WriteNumber("free_ram_mb", node.MemoryMb - memoryUsed);
        w.WriteNumber("free_disk_gb", node.LocalGb - usage.DiskGb);
        w.WriteNumber("current_workload", usage.Workload);
        w.WriteNumber("running_vms", usage.Servers);
        w.WriteNumber("disk_available_least", node.LocalGb - usage.DiskGb);
        if (version < HypervisorVersions.CpuInfoObject)
        {
            w.WriteString("cpu_info", CpuInfo);
        }
        else
        {
            w.WritePropertyName("cpu_info");
            CpuInfoDocument.RootElement.WriteTo(w);
        }
    }

    // The libvirt driver returns the output of `uptime`; a host that is down has none (ComputeServiceUnavailable).
    private static void WriteUptime(Utf8JsonWriter w, HypervisorRecord node, DateTime now)
    {
        if (!node.Up)
        {
            w.WriteNull("uptime");
            return;
        }

        var up = now - node.CreatedAt;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $" {now:HH:mm:ss} up {(int)up.TotalDays} days, {up.Hours,2}:{up.Minutes:D2},  0 users,  load average: 0.42, 0.38, 0.35\n");
        w.WriteString("uptime", text);
    }

    private static void WriteServers(Utf8JsonWriter w, IReadOnlyList<ServerRecord>? servers, ApiVersion version)
    {
        // with_servers: a host with servers lists them; from 2.75 a host without any gets an empty list.
        if (servers is null || (servers.Count == 0 && version < HypervisorVersions.EmptyServers))
        {
            return;
        }

        w.WriteStartArray("servers");
        foreach (var server in servers)
        {
            w.WriteStartObject();
            w.WriteString("name", server.Name);
            w.WriteString("uuid", server.Id);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
