namespace ProposalPlatform.Contracts;

/// <summary>
/// What the gateway tells a service about the caller, having checked its key. A request from a customs
/// district carries <see cref="DistrictCode"/>; the services then show it only its own items and the
/// tasks entrusted to it. The gateway removes these headers from what clients send.
/// </summary>
public static class CallerHeaders
{
    public const string ApiKey = "X-Api-Key";

    /// <summary>The calling district's unit code; absent for headquarters callers.</summary>
    public const string DistrictCode = "X-Unit-Code";
}
