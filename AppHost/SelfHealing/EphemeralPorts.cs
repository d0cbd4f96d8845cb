using System.Globalization;

namespace ProposalPlatform.AppHost.SelfHealing;

/// <summary>
/// The ports the kernel hands out as the local end of outgoing connections: its ephemeral range
/// (<c>net.ipv4.ip_local_port_range</c>, 32768-60999 by default) less the reserved ports
/// (<c>net.ipv4.ip_local_reserved_ports</c>). A server whose fixed port lies among them may find it taken
/// by a client's connection when it starts again (RabbitMQ: <c>eaddrinuse</c>), until that connection ends.
/// </summary>
public sealed record EphemeralPorts(int First, int Last, IReadOnlyList<(int First, int Last)> Reserved)
{
    private const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
    private const string ReservedFile = "/proc/sys/net/ipv4/ip_local_reserved_ports";

    /// <summary>This machine's, or null where the kernel does not say (not Linux).</summary>
    public static EphemeralPorts? OfThisMachine() =>
        File.Exists(RangeFile) ? Parse(File.ReadAllText(RangeFile), File.Exists(ReservedFile) ? File.ReadAllText(ReservedFile) : "") : null;

    /// <summary>From the two files' text: "32768	60999" and "8080,9000-9010" (empty when none is reserved).</summary>
    public static EphemeralPorts Parse(string range, string reserved)
    {
        var bounds = range.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return new EphemeralPorts(
            int.Parse(bounds[0], CultureInfo.InvariantCulture),
            int.Parse(bounds[1], CultureInfo.InvariantCulture),
            [.. reserved.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Ports)]);

        static (int, int) Ports(string entry) => entry.Split('-') is [var first, var last]
            ? (int.Parse(first, CultureInfo.InvariantCulture), int.Parse(last, CultureInfo.InvariantCulture))
            : (int.Parse(entry, CultureInfo.InvariantCulture), int.Parse(entry, CultureInfo.InvariantCulture));
    }

    /// <summary>True when the kernel may give <paramref name="port"/> to an outgoing connection.</summary>
    public bool MayHandOut(int port) =>
        port >= First && port <= Last && !Reserved.Any(reserved => port >= reserved.First && port <= reserved.Last);
}
