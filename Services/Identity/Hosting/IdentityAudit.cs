using ProposalPlatform.Contracts.Audit;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Data;
using ProposalPlatform.Infrastructure.Audit;
using ProposalPlatform.Infrastructure.Authorization;

namespace ProposalPlatform.Identity.Hosting;

/// <summary>
/// The identity service's part of the audit trail: its administration (people, clients) once saved,
/// and the sign-ins that fail or lock an account. Entries go to the broker (the service has no outbox);
/// the operation is the endpoint's name, as for every other service.
/// </summary>
public sealed class IdentityAudit(AuditTrail trail, AuditRecorder recorder)
{
    /// <summary>An administration write, saved.</summary>
    public void Accepted(Caller caller, string summary) =>
        recorder.Record(trail.Accepted(caller, "IdentityAdministration", null, summary));

    /// <summary>A sign-in step that was refused: a wrong password or code, an unknown user name, a disabled or locked account.</summary>
    public void SignInRefused(string operation, PlatformUser? user, string attemptedUserName, PasswordStep step)
    {
        var outcome = step == PasswordStep.LockedOut ? AuditOutcomes.LockedOut : AuditOutcomes.Unauthenticated;
        var why = step switch
        {
            PasswordStep.LockedOut => "the account is locked out after too many failed sign-ins",
            PasswordStep.Disabled => "the account is disabled",
            PasswordStep.SecondFactorMissing => "an office account without an authenticator",
            _ when user is null => "no such user name",
            _ => "wrong password or code",
        };
        // an unknown user name is what was typed, cut short: it may be anything
        var name = user?.UserName ?? (attemptedUserName.Length <= 50 ? attemptedUserName : attemptedUserName[..50]);
        recorder.Record(trail.Event(operation, outcome, StatusCodes.Status401Unauthorized, user?.Id ?? $"user name '{name}'", user?.DisplayName ?? string.Empty,
            user?.UnitCode, [], $"Sign-in as '{name}' refused: {why}."));
    }
}
