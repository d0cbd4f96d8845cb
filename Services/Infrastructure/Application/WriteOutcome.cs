using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ProposalPlatform.Infrastructure.Application;

/// <summary>What came of a use case: its result, the fields that were not valid (400), or a refusal (403/404/409/…).</summary>
public sealed record WriteOutcome<T>
{
    private WriteOutcome(T? value, IDictionary<string, string[]>? errors, string? title, ProblemDetails? problem) =>
        (Value, Errors, Title, Problem) = (value, errors, title, problem);

    public T? Value { get; }

    public IDictionary<string, string[]>? Errors { get; }

    public string? Title { get; }

    public ProblemDetails? Problem { get; }

    public bool Succeeded => Errors is null && Problem is null;

    public static WriteOutcome<T> Done(T value) => new(value, null, null, null);

    public static WriteOutcome<T> Invalid(IDictionary<string, string[]> errors, string title) => new(default, errors, title, null);

    public static WriteOutcome<T> Invalid(string field, string message, string title) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, title);

    public static WriteOutcome<T> Refused(ProblemDetails problem) => new(default, null, null, problem);

    public static WriteOutcome<T> Refused(int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return Refused(problem);
    }

    public static WriteOutcome<T> Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Refused(StatusCodes.Status409Conflict, title, detail, extensions);

    /// <summary>The same refusal or invalid fields, for a use case of another result type.</summary>
    public WriteOutcome<TOther> As<TOther>() =>
        Succeeded ? throw new InvalidOperationException("A result is not a refusal.") : new(default, Errors, Title, Problem);

    /// <summary>The HTTP answer: <paramref name="ok"/> of the result, a 400 ValidationProblem or the refusal's ProblemDetails.</summary>
    public Results<TOk, ValidationProblem, ProblemHttpResult> ToHttp<TOk>(Func<T, TOk> ok) where TOk : IResult =>
        Errors is not null ? TypedResults.ValidationProblem(Errors, title: Title)
        : Problem is not null ? TypedResults.Problem(Problem)
        : ok(Value!);

    /// <summary>As <see cref="ToHttp{TOk}"/>, for an answer read after the commit (a read model's view).</summary>
    public async Task<Results<TOk, ValidationProblem, ProblemHttpResult>> ToHttpAsync<TOk>(Func<T, Task<TOk>> ok) where TOk : IResult =>
        Errors is not null ? TypedResults.ValidationProblem(Errors, title: Title)
        : Problem is not null ? TypedResults.Problem(Problem)
        : await ok(Value!);
}
