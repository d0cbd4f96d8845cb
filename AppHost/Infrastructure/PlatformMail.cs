using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using ProposalPlatform.AppHost.Services;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>
/// The AppHost's <c>Mail</c> section: the SMTP relay the reminder digests go to. With no <see cref="Host"/>
/// the AppHost runs smtp4dev on this machine (an SMTP server with a web inbox, the dashboard's
/// <c>mail</c> resource) on <see cref="SmtpPort"/> and <see cref="InboxPort"/>, and mails to it.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Mail";

    /// <summary>An external relay (e.g. the body's mail server); unset: the local smtp4dev.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>TLS towards the relay as MailKit names it (<c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c>, <c>Auto</c>).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    /// <summary>The relay's password; it reaches the service as a secret parameter.</summary>
    public string? Password { get; set; }

    /// <summary>The address the digests come from.</summary>
    public string From { get; set; } = "reminders@proposalplatform.local";

    public int SmtpPort { get; set; } = 24025;

    public int InboxPort { get; set; } = 24080;

    /// <summary>Where the smtp4dev tool is installed (default ~/.cache/proposalplatform/tools/smtp4dev-3.15.0).</summary>
    public string? ToolDirectory { get; set; }
}

/// <summary>Where the digests go: an external relay, or the local smtp4dev the AppHost runs.</summary>
public sealed record PlatformMail(MailSettings Settings, IResourceBuilder<ExecutableResource>? LocalServer, IResourceBuilder<ParameterResource>? Password);

public static class PlatformMailExtensions
{
    public const string SmtpEndpointName = "smtp";

    public static PlatformMail AddPlatformMail(this IDistributedApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(MailSettings.Section).Get<MailSettings>() ?? new MailSettings();
        if (settings.Host is { Length: > 0 })
        {
            var password = settings.Password is { Length: > 0 } given ? builder.AddParameter("mail-password", given, secret: true) : null;
            return new PlatformMail(settings, null, password);
        }

        var infrastructure = builder.Configuration.GetSection("Infrastructure").Get<InfrastructureOptions>() ?? new InfrastructureOptions();
        var scripts = Path.Combine(AppContext.BaseDirectory, "Local");
        var server = builder.AddExecutable(ResourceNames.MailServer, "bash", scripts, Path.Combine(scripts, "smtp4dev.sh"))
            .WithEndpoint(port: settings.SmtpPort, targetPort: settings.SmtpPort, scheme: "tcp", name: SmtpEndpointName, env: "SMTP_PORT", isProxied: false)
            .WithHttpEndpoint(port: settings.InboxPort, targetPort: settings.InboxPort, env: "INBOX_PORT", isProxied: false)
            .WithEnvironment("SMTP4DEV_DATA", Path.Combine(infrastructure.Local.ResolveDataDirectory(), "smtp4dev"))
            .WithHttpHealthCheck("/api/messages");
        if (settings.ToolDirectory is { Length: > 0 } tools)
        {
            server.WithEnvironment("SMTP4DEV_DIR", Path.GetFullPath(tools));
        }

        return new PlatformMail(settings, server, null);
    }

    /// <summary>Gives the service the relay (<c>Mail__…</c>); the local smtp4dev it waits for, so the first digests find it up.</summary>
    public static IResourceBuilder<PlatformServiceResource> WithPlatformMail(this IResourceBuilder<PlatformServiceResource> service, PlatformMail mail)
    {
        service.WithEnvironment("Mail__From", mail.Settings.From);
        if (mail.LocalServer is { } server)
        {
            var smtp = server.GetEndpoint(SmtpEndpointName);
            return service
                .WithEnvironment("Mail__Host", smtp.Property(EndpointProperty.IPV4Host))
                .WithEnvironment("Mail__Port", smtp.Property(EndpointProperty.Port))
                .WithEnvironment("Mail__Security", "None")
                .WaitFor(server);
        }

        service
            .WithEnvironment("Mail__Host", mail.Settings.Host)
            .WithEnvironment("Mail__Port", mail.Settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Mail__Security", mail.Settings.Security);
        if (mail.Settings.UserName is { Length: > 0 } user)
        {
            service.WithEnvironment("Mail__UserName", user);
        }

        return mail.Password is { } password ? service.WithEnvironment("Mail__Password", password) : service;
    }
}
