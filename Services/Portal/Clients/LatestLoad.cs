namespace ProposalPlatform.Portal.Clients;

/// <summary>
/// A page's loads in the order they were asked for: a load asked for later (other filters) wins, and
/// the answer of one it overtook is dropped instead of replacing the newer one.
/// </summary>
public sealed class LatestLoad
{
    private int _latest;

    public int Begin() => Interlocked.Increment(ref _latest);

    public bool IsLatest(int load) => load == Volatile.Read(ref _latest);
}
