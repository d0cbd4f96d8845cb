using System.Net;
using System.Net.Sockets;
using ProposalPlatform.AppHost.SelfHealing;

namespace ProposalPlatform.IntegrationTests;

/// <summary>
/// Ports nobody listens on, so tests never collide with a running platform or each other. They lie below
/// the kernel's ephemeral range, as the platform's own do: a server a test kills and starts again never
/// finds its port taken by an outgoing connection.
/// </summary>
public static class FreePorts
{
    // below the ephemeral range (32768-60999 by default), clear of the platform's own ports (24xxx) and RabbitMQ's 25672
    private const int First = 20000;
    private const int Last = 23999;

    private static readonly HashSet<int> Given = [];

    private static readonly int[] Candidates = OutsideTheEphemeralRange();

    public static int[] Take(int count)
    {
        var ports = new List<int>(count);
        lock (Given)
        {
            for (var tries = 0; ports.Count < count; tries++)
            {
                if (tries == 10 * Candidates.Length)
                {
                    throw new InvalidOperationException($"Found {ports.Count} of {count} free ports between {First} and {Last}.");
                }

                var port = Candidates[Random.Shared.Next(Candidates.Length)];
                if (!Given.Contains(port) && NobodyListensOn(port))
                {
                    Given.Add(port);
                    ports.Add(port);
                }
            }
        }

        return [.. ports];
    }

    private static int[] OutsideTheEphemeralRange()
    {
        var all = Enumerable.Range(First, Last - First + 1).ToArray();
        var ephemeral = EphemeralPorts.OfThisMachine();
        var outside = all.Where(port => ephemeral?.MayHandOut(port) != true).ToArray();
        // a kernel that may hand out all of them: any free one, as before
        return outside.Length > 0 ? outside : all;
    }

    private static bool NobodyListensOn(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
