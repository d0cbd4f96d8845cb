namespace ProposalPlatform.AppHost.Replicas;

/// <summary>
/// <c>Platform:Replicas</c>: how many copies of every service and of the portal the AppHost runs (1 unless
/// set; the <c>replicas</c> launch profile sets 2). The gateway stays one: it is the platform's public address.
/// </summary>
public static class ReplicaOptions
{
    public const string Setting = "Platform:Replicas";

    /// <summary>Copy n listens on the first copy's port plus (n − 1) × this: 5101, 5201, 5301 … for intake.</summary>
    public const int PortStep = 100;

    public const int Most = 9;
}
