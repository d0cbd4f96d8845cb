using Microsoft.AspNetCore.Http;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.Infrastructure.Hosting;

public static class CallerExtensions
{
    /// <summary>The calling customs district, as the gateway vouched for it; null for headquarters.</summary>
    public static string? CallingDistrict(this HttpRequest request) =>
        request.Headers[CallerHeaders.DistrictCode].ToString() is { Length: > 0 } code ? code : null;
}
