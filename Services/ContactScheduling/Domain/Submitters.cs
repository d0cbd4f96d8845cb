namespace ProposalPlatform.ContactScheduling.Domain;

/// <summary>Whom a contact of an item may be with: its lead submitter and its co-signers.</summary>
public sealed record ItemSubmitters(string LeadSubmitterName, string Province, string City, IReadOnlyList<string> CoSignerNames)
{
    /// <summary>
    /// The submitter a contact is with, as the item names them: the lead when <paramref name="name"/>
    /// is left out; null when the name is neither the lead nor a co-signer.
    /// </summary>
    public (string Name, bool IsLead)? Resolve(string? name)
    {
        if (name is null || SubmitterNames.Same(name, LeadSubmitterName))
        {
            return (LeadSubmitterName, true);
        }

        var coSigner = CoSignerNames.FirstOrDefault(c => SubmitterNames.Same(c, name));
        return coSigner is null ? null : (coSigner, false);
    }
}

public static class SubmitterNames
{
    /// <summary>Names compare without case and with runs of blanks taken as one.</summary>
    public static string Key(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    public static bool Same(string a, string b) => Key(a) == Key(b);
}
