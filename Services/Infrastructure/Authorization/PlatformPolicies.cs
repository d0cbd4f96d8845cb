using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProposalPlatform.Contracts.Identity;

namespace ProposalPlatform.Infrastructure.Authorization;

/// <summary>The roles an endpoint needs before any item is looked at; what an item allows is <see cref="ItemGuard"/>'s.</summary>
public static class PlatformPolicies
{
    /// <summary>The proposal office alone.</summary>
    public const string Office = "office";

    /// <summary>Headquarters' staff: the office and the departments' handlers and heads.</summary>
    public const string Headquarters = "headquarters";

    /// <summary>Anyone who works on items (everyone but operations): what they see is filtered to their own.</summary>
    public const string Staff = "staff";

    /// <summary>A customs district's officers.</summary>
    public const string District = "district";

    public static IHostApplicationBuilder AddPlatformAuthorization(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Office, policy => policy.RequireRole(PlatformRoles.ProposalOffice))
            .AddPolicy(Headquarters, policy => policy.RequireRole(PlatformRoles.ProposalOffice, PlatformRoles.UnitHandler, PlatformRoles.UnitHead))
            .AddPolicy(Staff, policy => policy.RequireRole(PlatformRoles.ProposalOffice, PlatformRoles.UnitHandler, PlatformRoles.UnitHead, PlatformRoles.DistrictOfficer))
            .AddPolicy(District, policy => policy.RequireRole(PlatformRoles.DistrictOfficer));
        builder.Services.AddSingleton<IAuthorizationHandler, ItemAuthorizationHandler>();
        builder.Services.AddSingleton<ItemGuard>();
        builder.Services.AddSingleton<Application.WritePath>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<CallerTokenForwarder>();
        return builder;
    }
}
