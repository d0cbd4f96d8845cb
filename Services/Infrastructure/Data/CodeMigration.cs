using DbUp.Engine;

namespace ProposalPlatform.Infrastructure.Data;

/// <summary>
/// A migration that needs the service itself, not SQL alone: say, the key that seals personal data,
/// which the database must not hold. Registered in the service's container, it is run by DbUp once, in
/// the order of its <see cref="Name"/> among the SQL scripts (so it is named like them:
/// <c>ProposalPlatform.Intake.Data.Migrations.0018_what.cs</c>), and journaled like them. DbUp commits
/// its work before it journals it: run again after a crash in between, it must change nothing.
/// </summary>
public interface ICodeMigration : IScript
{
    string Name { get; }
}
