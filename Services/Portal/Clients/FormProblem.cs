namespace ProposalPlatform.Portal.Clients;

/// <summary>
/// The API's latest refusal of a form: each field's message goes under that field (matched by the
/// API's field name, whatever its case), what names no field above the form.
/// </summary>
public sealed class FormProblem
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    /// <summary>The message above the form, or null when nothing was refused.</summary>
    public string? Summary { get; private set; }

    public void Show(ApiProblem problem) => (Summary, _errors) = (problem.Summary, problem.Errors);

    public void Clear() => (Summary, _errors) = (null, new Dictionary<string, string[]>());

    public bool Has(string field) => _errors.Keys.Any(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase));

    public string? Of(string field) =>
        _errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { } messages ? string.Join(" ", messages) : null;

    /// <summary>Whether any field of a list is refused (<c>coverage</c> for <c>coverage[2].province</c>; <c>""</c> for a list sent alone, <c>[2].province</c>).</summary>
    public bool HasUnder(string list) => _errors.Keys.Any(k => IsUnder(k, list));

    /// <summary>The messages of a list's refused fields, each with the field it names.</summary>
    public string? OfUnder(string list) =>
        HasUnder(list) ? string.Join(" ", _errors.Where(e => IsUnder(e.Key, list)).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) : null;

    private static bool IsUnder(string key, string list) =>
        key.StartsWith(list + "[", StringComparison.OrdinalIgnoreCase) || string.Equals(key, list, StringComparison.OrdinalIgnoreCase);
}
