using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using ProposalPlatform.Identity.Data;
using ProposalPlatform.Identity.Domain;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Identity.Hosting;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Identity.Apis;

/// <summary>The people of the platform, administered by the proposal office.</summary>
public static partial class PeopleApi
{
    public const int RecoveryCodeCount = 10;

    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/identity/people").WithTags("People").RequireAuthorization(IdentityPolicies.ProposalOffice);

        api.MapPost("/", CreatePerson)
            .WithName("CreatePerson")
            .WithSummary("Create a person with a generated initial password; a proposal office account gets an authenticator key and recovery codes, all shown once in the answer")
            .WithDescription("Creates a person of a unit with roles and a generated initial password; a proposal office account also gets an authenticator key and recovery codes. Secrets are shown once, in this answer only. An invalid person is refused with 400, a taken user name with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/", ListPeople)
            .WithName("ListPeople")
            .WithSummary("Every person, by user name, without secrets")
            .WithDescription("Lists every person by user name, with unit, roles and whether they are enabled or locked out; no secrets.");
        api.MapGet("/{id}", GetPerson)
            .WithName("GetPerson")
            .WithSummary("One person, without secrets")
            .WithDescription("Returns one person, without secrets. An unknown person id is answered 404.");
        api.MapPost("/{id}/disable", DisablePerson)
            .WithName("DisablePerson")
            .WithSummary("Disable a person: no sign-in and no token refresh from now on; their refresh tokens are revoked")
            .WithDescription("Disables a person: no sign-in and no token refresh from now on, and their refresh tokens are revoked. An unknown person is answered 404; disabling oneself, or a change to the person at the same moment, is refused with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/enable", EnablePerson)
            .WithName("EnablePerson")
            .WithSummary("Enable a person again, and lift a lockout")
            .WithDescription("Enables a person again and lifts a lockout. An unknown person is answered 404, a change to the person at the same moment 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/{id}/email", SetPersonEmail)
            .WithName("SetPersonEmail")
            .WithSummary("Set or remove a person's work e-mail address, where the unit's reminders are mailed")
            .WithDescription("Sets a person's work e-mail address (one mailbox such as li.ming@customs.gov.cn), or removes it when `email` is null or left out; the unit's daily reminder digest goes to its people's addresses. An invalid address is refused with 400 naming `email`, an unknown person is answered 404, a change to the person at the same moment 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/password", ResetPassword)
            .WithName("ResetPassword")
            .WithSummary("Give a person a new generated password, shown once in the answer")
            .WithDescription("Gives a person a new generated password, shown once in this answer. An unknown person is answered 404, a change to the person at the same moment 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Created<CreatedPersonView>, ValidationProblem, ProblemHttpResult>> CreatePerson(
        NewPerson request,
        HttpContext context,
        UserManager<PlatformUser> users,
        TimeProvider clock,
        ILoggerFactory loggers,
        IdentityDataContext database,
        IdentityAudit audit,
        CancellationToken cancellationToken)
    {
        // the change and its audit entry commit together, or neither does
        await using var transaction = await IdentityAudit.BeginAsync(database, cancellationToken);
        var (person, errors) = PersonRules.Validate(request);
        if (person is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The person is not valid.");
        }

        if (await users.FindByNameAsync(person.UserName) is not null)
        {
            return UserNameTaken(person.UserName);
        }

        var caller = Caller.From(context.User);
        var user = new PlatformUser
        {
            UserName = person.UserName,
            DisplayName = person.DisplayName,
            UnitCode = person.UnitCode,
            Email = person.Email,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = caller.Id,
        };
        var password = Secrets.NewPassword();
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException)
        {
            return UserNameTaken(person.UserName);
        }

        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? UserNameTaken(person.UserName)
                : TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["userName"] = [.. created.Errors.Select(e => e.Description)] },
                    title: "The person is not valid.");
        }

        Ensure(await users.AddToRolesAsync(user, person.Roles));
        string? key = null;
        IReadOnlyList<string>? recoveryCodes = null;
        if (person.RequiresSecondFactor)
        {
            Ensure(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Ensure(await users.SetTwoFactorEnabledAsync(user, true));
            recoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        }

        LogPersonCreated(loggers.CreateLogger(typeof(PeopleApi)), user.Id, person.UserName, string.Join(",", person.Roles), caller.Id);
        await audit.CommitAsync(
            database, transaction, caller,
            $"person {user.Id} ({person.UserName}) created: unit {person.UnitCode}, roles {string.Join(",", person.Roles)}{(person.Email is null ? "" : ", with an e-mail address")}",
            cancellationToken, Changed(user, person.Roles, clock));
        return TypedResults.Created(
            $"/api/identity/people/{user.Id}",
            new CreatedPersonView(
                user.Id, person.UserName, person.DisplayName, person.UnitCode, person.Roles, password,
                key, key is null ? null : Authenticator.Uri(person.UserName, key), recoveryCodes, person.Email));
    }

    public static async Task<Ok<List<PersonView>>> ListPeople(IdentityDataContext database, CancellationToken cancellationToken)
    {
        var people = await database.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await RolesOf(database, null, cancellationToken);
        return TypedResults.Ok(people.Select(p => View(p, roles[p.Id])).ToList());
    }

    public static async Task<Results<Ok<PersonView>, ProblemHttpResult>> GetPerson(string id, IdentityDataContext database, CancellationToken cancellationToken)
    {
        var person = await database.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return person is null
            ? NotFound(id)
            : TypedResults.Ok(View(person, (await RolesOf(database, id, cancellationToken))[id]));
    }

    public static async Task<Results<Ok<PersonView>, ProblemHttpResult>> DisablePerson(
        string id,
        HttpContext context,
        UserManager<PlatformUser> users,
        IOpenIddictTokenManager tokens,
        IdentityDataContext database,
        TimeProvider clock,
        ILoggerFactory loggers,
        IdentityAudit audit,
        CancellationToken cancellationToken)
    {
        // the change and its audit entry commit together, or neither does
        await using var transaction = await IdentityAudit.BeginAsync(database, cancellationToken);
        await IdentityAudit.LockPersonAsync(database, id, cancellationToken);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound(id);
        }

        var caller = Caller.From(context.User);
        if (user.Id == caller.Id)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A person cannot disable themselves.",
                Detail = "Another proposal office account must do it, so that the office is never left without one.",
            });
        }

        if (!user.Disabled)
        {
            user.Disabled = true;
            user.DisabledAt = clock.GetUtcNow();
            user.DisabledBy = caller.Id;
            Ensure(await users.UpdateAsync(user));
            // ends their cookie sessions at the next check of the security stamp
            Ensure(await users.UpdateSecurityStampAsync(user));
            var revoked = await tokens.RevokeBySubjectAsync(user.Id, cancellationToken);
            LogPersonDisabled(loggers.CreateLogger(typeof(PeopleApi)), user.Id, user.UserName ?? "", revoked, caller.Id);
            await audit.CommitAsync(
                database, transaction, caller, $"person {user.Id} ({user.UserName}) disabled; {revoked} tokens revoked", cancellationToken,
                Changed(user, await users.GetRolesAsync(user), clock));
        }

        return await CurrentView(database, id, cancellationToken);
    }

    public static async Task<Results<Ok<PersonView>, ProblemHttpResult>> EnablePerson(
        string id,
        HttpContext context,
        UserManager<PlatformUser> users,
        IdentityDataContext database,
        TimeProvider clock,
        ILoggerFactory loggers,
        IdentityAudit audit,
        CancellationToken cancellationToken)
    {
        // the change and its audit entry commit together, or neither does
        await using var transaction = await IdentityAudit.BeginAsync(database, cancellationToken);
        await IdentityAudit.LockPersonAsync(database, id, cancellationToken);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound(id);
        }

        var caller = Caller.From(context.User);
        user.Disabled = false;
        Ensure(await users.UpdateAsync(user));
        Ensure(await users.SetLockoutEndDateAsync(user, null));
        Ensure(await users.ResetAccessFailedCountAsync(user));
        LogPersonEnabled(loggers.CreateLogger(typeof(PeopleApi)), user.Id, user.UserName ?? "", caller.Id);
        await audit.CommitAsync(
            database, transaction, caller, $"person {user.Id} ({user.UserName}) enabled", cancellationToken, Changed(user, await users.GetRolesAsync(user), clock));
        return await CurrentView(database, id, cancellationToken);
    }

    public static async Task<Results<Ok<PersonView>, ValidationProblem, ProblemHttpResult>> SetPersonEmail(
        string id,
        PersonEmail request,
        HttpContext context,
        UserManager<PlatformUser> users,
        IdentityDataContext database,
        TimeProvider clock,
        ILoggerFactory loggers,
        IdentityAudit audit,
        CancellationToken cancellationToken)
    {
        if (FieldRules.CheckEmail(request.Email) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = [error] }, title: "The e-mail address is not valid.");
        }

        // the change and its audit entry commit together, or neither does
        await using var transaction = await IdentityAudit.BeginAsync(database, cancellationToken);
        await IdentityAudit.LockPersonAsync(database, id, cancellationToken);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound(id);
        }

        var caller = Caller.From(context.User);
        Ensure(await users.SetEmailAsync(user, request.Email));
        LogEmailSet(loggers.CreateLogger(typeof(PeopleApi)), user.Id, user.UserName ?? "", request.Email is not null, caller.Id);
        await audit.CommitAsync(
            database, transaction, caller, $"e-mail address of person {user.Id} ({user.UserName}) {(request.Email is null ? "removed" : "set")}", cancellationToken,
            Changed(user, await users.GetRolesAsync(user), clock));
        return await CurrentView(database, id, cancellationToken);
    }

    /// <summary>What the other services learn of a person (the notifications service mails the unit's people).</summary>
    private static PersonChanged Changed(PlatformUser user, IEnumerable<string> roles, TimeProvider clock) =>
        new(user.Id, user.UnitCode, user.DisplayName, user.Email, [.. roles.Order(StringComparer.Ordinal)], user.Disabled, clock.GetUtcNow());

    public static async Task<Results<Ok<PasswordResetView>, ProblemHttpResult>> ResetPassword(
        string id,
        HttpContext context,
        UserManager<PlatformUser> users,
        ILoggerFactory loggers,
        IdentityDataContext database,
        IdentityAudit audit,
        CancellationToken cancellationToken)
    {
        // the change and its audit entry commit together, or neither does
        await using var transaction = await IdentityAudit.BeginAsync(database, cancellationToken);
        await IdentityAudit.LockPersonAsync(database, id, cancellationToken);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound(id);
        }

        var caller = Caller.From(context.User);
        var password = Secrets.NewPassword();
        Ensure(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
        LogPasswordReset(loggers.CreateLogger(typeof(PeopleApi)), user.Id, user.UserName ?? "", caller.Id);
        await audit.CommitAsync(database, transaction, caller, $"password of person {user.Id} ({user.UserName}) reset", cancellationToken);
        return TypedResults.Ok(new PasswordResetView(user.Id, user.UserName ?? "", password));
    }

    private static async Task<Ok<PersonView>> CurrentView(IdentityDataContext database, string id, CancellationToken cancellationToken)
    {
        var person = await database.Users.AsNoTracking().FirstAsync(u => u.Id == id, cancellationToken);
        return TypedResults.Ok(View(person, (await RolesOf(database, id, cancellationToken))[id]));
    }

    private static async Task<ILookup<string, string>> RolesOf(IdentityDataContext database, string? userId, CancellationToken cancellationToken)
    {
        var pairs = await (
                from userRole in database.UserRoles
                join role in database.Roles on userRole.RoleId equals role.Id
                where userId == null || userRole.UserId == userId
                select new { userRole.UserId, Role = role.Name! })
            .ToListAsync(cancellationToken);
        return pairs.ToLookup(p => p.UserId, p => p.Role);
    }

    private static PersonView View(PlatformUser user, IEnumerable<string> roles) => new(
        user.Id,
        user.UserName ?? "",
        user.DisplayName,
        user.UnitCode,
        [.. roles.Order(StringComparer.Ordinal)],
        user.TwoFactorEnabled,
        user.Disabled,
        user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : null,
        user.CreatedAt,
        user.CreatedBy,
        user.DisabledAt,
        user.DisabledBy,
        user.Email);

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such person.",
        Detail = $"There is no person with the id {id}.",
    });

    private static ProblemHttpResult UserNameTaken(string userName) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The user name is taken.",
        Detail = $"A person with the user name {userName} exists already.",
    });

    /// <summary>
    /// A change another request made to the person at the same moment is a 409 to retry; anything else
    /// can only fail on a broken store: an exception, and a 500 the handler logs.
    /// </summary>
    private static void Ensure(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new DomainRuleException("The person was changed at the same moment.",
                "Another request changed this person while this one was under way. Read the person again and retry.");
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} ({UserName}, roles {Roles}) created by {CallerSubject}")]
    private static partial void LogPersonCreated(ILogger logger, string personId, string userName, string roles, string callerSubject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} ({UserName}) disabled by {CallerSubject}; {RevokedTokens} tokens revoked")]
    private static partial void LogPersonDisabled(ILogger logger, string personId, string userName, long revokedTokens, string callerSubject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} ({UserName}) enabled by {CallerSubject}")]
    private static partial void LogPersonEnabled(ILogger logger, string personId, string userName, string callerSubject);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail address of person {PersonId} ({UserName}) set ({HasEmail}) by {CallerSubject}")]
    private static partial void LogEmailSet(ILogger logger, string personId, string userName, bool hasEmail, string callerSubject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password of person {PersonId} ({UserName}) reset by {CallerSubject}")]
    private static partial void LogPasswordReset(ILogger logger, string personId, string userName, string callerSubject);
}
