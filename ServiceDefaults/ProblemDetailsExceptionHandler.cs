using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace ProposalPlatform.ServiceDefaults;

/// <summary>Turns the exceptions a request can end in into ProblemDetails with the right status.</summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    IEnumerable<IDependencyFaults> dependencyFaults,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>What a 503 for a server that is not answering asks the caller to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (dependencyFaults.Any(faults => faults.IsPassing(exception)))
        {
            LogDependencyUnavailable(logger, exception.GetBaseException().Message, httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The service is briefly unavailable.",
                    Detail = "A server this service depends on is not answering. Try again after the time in Retry-After.",
                },
                Exception = exception,
            });
        }

        var problem = exception switch
        {
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 1 } path } json } bad => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [FieldOf(path)] = [json.Message] })
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = $"{bad.Message} {json.Message}",
            },
            BadHttpRequestException bad when ParameterOf(bad.Message) is { } parameter => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [parameter.Name] = [parameter.Value is null ? "It is required." : $"\"{parameter.Value}\" is not a valid {parameter.Type}."] })
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = bad.Message,
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = bad.InnerException switch
                {
                    System.Text.Json.JsonException json => $"{bad.Message} {json.Message}",
                    _ when bad.Message.Contains("no body was provided", StringComparison.Ordinal) => "The request has no body: send it as JSON.",
                    _ => bad.Message,
                },
            },
            DomainRuleException rule => new ProblemDetails
            {
                Status = rule.StatusCode,
                Title = rule.Title,
                Detail = rule.Message,
            },
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged; quote the trace id when reporting it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The field a JSON path names, as the validation errors name fields: <c>$.leadSubmitter.name</c> is <c>leadSubmitter.name</c>.</summary>
    /// <summary>
    /// The parameter a query or route value could not be bound to, or that is required and was not
    /// given, from ASP.NET Core's message (<c>Failed to bind parameter "int? year" from "abc".</c>,
    /// <c>Required parameter "int year" was not provided from query string.</c>), so that the answer
    /// names it as a field; the value is null for one not given.
    /// </summary>
    public static (string Name, string Type, string? Value)? ParameterOf(string message) =>
        BindFailure().Match(message) is { Success: true } m
            ? (char.ToLowerInvariant(m.Groups["name"].Value[0]) + m.Groups["name"].Value[1..], m.Groups["type"].Value.TrimEnd('?'),
                m.Groups["value"].Success ? m.Groups["value"].Value : null)
            : null;

    [GeneratedRegex("""^(Failed to bind parameter "(?<type>[^"]+) (?<name>\w+)" from "(?<value>.*)"|Required parameter "(?<type>[^"]+) (?<name>\w+)" was not provided from [\w ]+)\.$""")]
    private static partial Regex BindFailure();

    public static string FieldOf(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dependency is not answering ({Reason}); {Method} {Path} answered 503")]
    private static partial void LogDependencyUnavailable(ILogger logger, string reason, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
