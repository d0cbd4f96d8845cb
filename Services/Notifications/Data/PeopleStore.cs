using Dapper;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Notifications.Data;

/// <summary>The people as the identity service announced them; their e-mail addresses are where their unit's digests go.</summary>
public static class PeopleStore
{
    /// <summary>Records a person as <paramref name="changed"/> says, unless a newer change was recorded already.</summary>
    public static Task RecordAsync(UnitOfWork work, PersonChanged changed, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO people (person_id, unit_code, display_name, email, roles, disabled, changed_at)
            VALUES (@PersonId, @UnitCode, @DisplayName, @Email, @Roles, @Disabled, @ChangedAt)
            ON CONFLICT (person_id) DO UPDATE
            SET unit_code = excluded.unit_code, display_name = excluded.display_name, email = excluded.email,
                roles = excluded.roles, disabled = excluded.disabled, changed_at = excluded.changed_at
            WHERE people.changed_at <= excluded.changed_at
            """,
            new { changed.PersonId, changed.UnitCode, changed.DisplayName, changed.Email, Roles = changed.Roles.ToArray(), changed.Disabled, changed.ChangedAt },
            work.Transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Whether a person <c>p</c> of a unit is one its digest goes to: enabled, with an e-mail
    /// address, and working on items (operations staff, who see no item, are left out).
    /// </summary>
    public const string IsRecipient =
        "p.email IS NOT NULL AND NOT p.disabled AND p.roles && ARRAY['ProposalOffice', 'UnitHandler', 'UnitHead', 'DistrictOfficer']";
}
