using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace ProposalPlatform.Portal.Clients;

/// <summary>A register view the person named: its filters.</summary>
public sealed record SavedView(string Name, int? Year, string? Kind, string? Status, string? Query, int? Term = null, int? Meeting = null);

/// <summary>
/// The register's saved views, kept in the person's own browser (local storage, encrypted and signed by
/// the portal's data protection, so a page cannot read or forge them), one list per person.
/// </summary>
public sealed class SavedViews(ProtectedLocalStorage storage)
{
    public const int MaxViews = 20;

    public async Task<IReadOnlyList<SavedView>> ListAsync(string person)
    {
        try
        {
            var stored = await storage.GetAsync<List<SavedView>>(KeyOf(person));
            return stored.Success ? stored.Value ?? [] : [];
        }
        catch (CryptographicException)
        {
            // written under keys the portal no longer has: as if none were saved
            return [];
        }
    }

    /// <summary>Saves the view under its name, replacing one of the same name; the newest first, at most <see cref="MaxViews"/>.</summary>
    public async Task<IReadOnlyList<SavedView>> SaveAsync(string person, SavedView view)
    {
        var views = (await ListAsync(person)).Where(v => v.Name != view.Name).Prepend(view).Take(MaxViews).ToList();
        await storage.SetAsync(KeyOf(person), views);
        return views;
    }

    public async Task<IReadOnlyList<SavedView>> DeleteAsync(string person, string name)
    {
        var views = (await ListAsync(person)).Where(v => v.Name != name).ToList();
        await storage.SetAsync(KeyOf(person), views);
        return views;
    }

    private static string KeyOf(string person) => $"register-views:{person}";
}
