using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Data;
using ProposalPlatform.Identity.Domain;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ProposalPlatform.Identity.Hosting;

/// <summary>
/// Runs before the server takes requests, once the schema is migrated: the token server's keys, then what
/// the platform needs to exist (the roles, the platform-cli client, the office's first admin and
/// machine client). Every step is idempotent; nothing that exists is reset. The copies of the service run
/// it one after the other (<see cref="StartupLockKey"/>).
/// </summary>
public sealed partial class IdentityStartup(
    IServiceScopeFactory scopes,
    ServerKeyRing keys,
    IOptions<BootstrapOptions> bootstrap,
    IOptions<IdentityServiceOptions> identity,
    TimeProvider clock,
    ILogger<IdentityStartup> logger) : IHostedService
{
    public const string PlatformCliClientId = PlatformClaims.PlatformCliClientId;
    public const string PlatformCliRedirectUri = "http://127.0.0.1/callback";
    public const string OfficeUnitCode = "HQ-OFFICE";
    public const string OfficeAdminDisplayName = "建议提案办理处管理员";
    public const string OfficeClientDisplayName = "建议提案办理处";
    public const string BootstrapSubject = "bootstrap";

    /// <summary>Where ASP.NET Core Identity's user store keeps the authenticator key.</summary>
    private const string AuthenticatorStore = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    /// <summary>
    /// The advisory lock the copies of the service take for their start (<c>Platform:Replicas</c>): copies
    /// starting together would each make the token server's keys (and each sign with its own, which the
    /// other copies do not publish), the data-protection key the sign-in cookies are sealed with, and the
    /// bootstrapped admin and client (the second failing on the unique names). One after the other, the
    /// later ones find everything made.
    /// </summary>
    public const long StartupLockKey = 0x5050_4944_5354_5254; // "PPIDSTRT"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // the lock is this connection's session's: let go of at the end, or by the server when the process dies
        var connection = services.GetRequiredService<IdentityDataContext>().Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            await StartAloneAsync(services, cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    private async Task StartAloneAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // the schema is the migrator's, which runs before (AddPlatformInfrastructure)
        keys.EnsureLoaded();
        // the first protection makes the key ring's first key, if none is stored yet
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(IdentityStartup)).Protect([1]);

        await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        await EnsureClientAsync(applications, PlatformCli(), cancellationToken);
        await EnsureClientAsync(applications, Portal(identity.Value.IssuerUri), cancellationToken);
        await EnsureOfficeClientAsync(applications, bootstrap.Value, cancellationToken);
        await EnsureOfficeAdminAsync(services.GetRequiredService<UserManager<PlatformUser>>(), bootstrap.Value);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var key = command.CreateParameter();
        key.ParameterName = "key";
        key.Value = StartupLockKey;
        command.Parameters.Add(key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in PlatformRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    /// <summary>The public client tools and tests sign people in with (code + PKCE, refresh); its settings are brought up to date on every start.</summary>
    public static OpenIddictApplicationDescriptor PlatformCli()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = PlatformCliClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "ProposalPlatform 命令行工具",
            RedirectUris = { new Uri(PlatformCliRedirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
                Permissions.Prefixes.Scope + PlatformClaims.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        return descriptor;
    }

    /// <summary>
    /// The web portal, a public client like the command line's (code + PKCE, refresh) whose sign-in
    /// returns to the platform's public address, where the gateway serves the portal; brought up to date on every start.
    /// </summary>
    public static OpenIddictApplicationDescriptor Portal(Uri publicAddress)
    {
        var descriptor = PlatformCli();
        descriptor.ClientId = PlatformClaims.PortalClientId;
        descriptor.DisplayName = "建议提案办理平台（网页）";
        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.Add(new Uri(publicAddress, "signin-oidc"));
        descriptor.PostLogoutRedirectUris.Add(new Uri(publicAddress, "signout-callback-oidc"));
        return descriptor;
    }

    /// <summary>A confidential machine client: client credentials at the token endpoint, for the platform's APIs.</summary>
    public static OpenIddictApplicationDescriptor MachineClient(string clientId, string secret, string displayName, ClientRecord record)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + PlatformClaims.ApiScope,
            },
        };
        record.WriteTo(descriptor.Properties);
        return descriptor;
    }

    private async Task EnsureClientAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
            LogClientCreated(logger, descriptor.ClientId!, BootstrapSubject);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    private async Task EnsureOfficeClientAsync(IOpenIddictApplicationManager applications, BootstrapOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.OfficeClientId))
        {
            LogNoBootstrap(logger, "office client", nameof(BootstrapOptions.OfficeClientId));
            return;
        }

        if (await applications.FindByClientIdAsync(options.OfficeClientId, cancellationToken) is not null)
        {
            return;
        }

        var record = new ClientRecord(OfficeUnitCode, [PlatformRoles.ProposalOffice], BootstrapSubject, clock.GetUtcNow());
        await applications.CreateAsync(MachineClient(options.OfficeClientId, options.OfficeClientSecret!, OfficeClientDisplayName, record), cancellationToken);
        LogClientCreated(logger, options.OfficeClientId, BootstrapSubject);
    }

    private async Task EnsureOfficeAdminAsync(UserManager<PlatformUser> users, BootstrapOptions options)
    {
        if (string.IsNullOrEmpty(options.AdminUserName))
        {
            LogNoBootstrap(logger, "office admin", nameof(BootstrapOptions.AdminUserName));
            return;
        }

        if (await users.FindByNameAsync(options.AdminUserName) is not null)
        {
            return;
        }

        var admin = new PlatformUser
        {
            UserName = options.AdminUserName,
            DisplayName = OfficeAdminDisplayName,
            UnitCode = OfficeUnitCode,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = BootstrapSubject,
        };
        Check(await users.CreateAsync(admin, options.AdminPassword!), $"the office admin {options.AdminUserName}");
        Check(await users.AddToRoleAsync(admin, PlatformRoles.ProposalOffice), "the office admin's role");
        Check(await users.SetAuthenticationTokenAsync(admin, AuthenticatorStore, AuthenticatorKeyName, Authenticator.NormalizeKey(options.AdminAuthenticatorKey)), "the office admin's authenticator key");
        Check(await users.SetTwoFactorEnabledAsync(admin, true), "the office admin's second factor");
        LogPersonCreated(logger, admin.Id, admin.UserName, BootstrapSubject);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Client {ClientId} created by {CallerSubject}")]
    private static partial void LogClientCreated(ILogger logger, string clientId, string callerSubject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} ({UserName}) created by {CallerSubject}")]
    private static partial void LogPersonCreated(ILogger logger, string personId, string userName, string callerSubject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {What} is bootstrapped: Identity:Bootstrap:{Setting} is not set")]
    private static partial void LogNoBootstrap(ILogger logger, string what, string setting);
}
