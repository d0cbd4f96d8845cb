namespace ProposalPlatform.ServiceDefaults;

/// <summary>A rule of the process refused a request; becomes a ProblemDetails with <see cref="StatusCode"/>.</summary>
public class DomainRuleException(string title, string detail, int statusCode = 409) : Exception(detail)
{
    public string Title { get; } = title;
    public int StatusCode { get; } = statusCode;
}
