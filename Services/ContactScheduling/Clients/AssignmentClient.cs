using System.Net;
using Polly;

namespace ProposalPlatform.ContactScheduling.Clients;

/// <summary>What the assignment service answered about a place: the district covering it, none, or no answer.</summary>
public sealed record DistrictLookup(string? DistrictCode, bool Unavailable)
{
    public static readonly DistrictLookup NotCovered = new(null, false);
    public static readonly DistrictLookup NoAnswer = new(null, true);
}

/// <summary>
/// Asks the assignment service (the owner of districts and what they cover) which customs district
/// covers a submitter's place. Service discovery and the standard resilience handler (retry, timeout,
/// circuit breaker) come with every HttpClient from the service defaults.
/// </summary>
public sealed class AssignmentClient(HttpClient http)
{
    public async Task<DistrictLookup> DistrictForAsync(string province, string city, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(
                $"api/assignment/units/district-for?province={Uri.EscapeDataString(province)}&city={Uri.EscapeDataString(city)}",
                cancellationToken);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
            {
                return DistrictLookup.NotCovered;
            }

            if (!response.IsSuccessStatusCode)
            {
                return DistrictLookup.NoAnswer;
            }

            var district = await response.Content.ReadFromJsonAsync<DistrictAnswer>(cancellationToken);
            return string.IsNullOrWhiteSpace(district?.Code) ? DistrictLookup.NoAnswer : new DistrictLookup(district.Code, false);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DistrictLookup.NoAnswer;
        }
    }

    /// <summary>The part of assignment's <c>UnitView</c> this service reads.</summary>
    private sealed record DistrictAnswer(string Code, string Name, string Kind);
}
