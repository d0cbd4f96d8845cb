using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ProposalPlatform.Identity.Data;

/// <summary>
/// The identity database: ASP.NET Core Identity's people and roles, OpenIddict's applications,
/// authorizations, scopes and tokens, the Data Protection keys (so cookies and antiforgery tokens
/// survive a restart) and the token server's own keys. Its schema is made by the scripts in
/// Data/Migrations, not by EF migrations.
/// </summary>
public sealed class IdentityDataContext(DbContextOptions<IdentityDataContext> options)
    : IdentityDbContext<PlatformUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();

        builder.Entity<PlatformUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.Property(u => u.UnitCode).HasMaxLength(50);
            user.Property(u => u.CreatedBy).HasMaxLength(200);
            user.Property(u => u.DisabledBy).HasMaxLength(200);
            user.HasIndex(u => u.UnitCode);
        });

        builder.Entity<ServerKey>(key =>
        {
            key.ToTable("ServerKeys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(100);
            key.Property(k => k.Use).HasMaxLength(10);
            key.HasIndex(k => new { k.Use, k.CreatedAt });
        });
    }
}
