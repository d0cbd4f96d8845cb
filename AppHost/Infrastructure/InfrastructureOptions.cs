using Npgsql;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>Where the broker and the databases come from.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container engine answers, local processes otherwise.</summary>
    Auto,
    /// <summary>Aspire's RabbitMQ and PostgreSQL container integrations.</summary>
    Containers,
    /// <summary>Debian's rabbitmq-server and PostgreSQL 15 run by the AppHost as local processes.</summary>
    Local,
    /// <summary>Servers the deployment already has: connection strings from configuration.</summary>
    External,
}

/// <summary>The <c>Infrastructure</c> section of the AppHost's configuration.</summary>
public sealed class InfrastructureOptions
{
    public InfrastructureMode Mode { get; set; } = InfrastructureMode.Auto;

    public LocalInfrastructureOptions Local { get; set; } = new();

    public ExternalInfrastructureOptions External { get; set; } = new();
}

/// <summary>
/// For servers the deployment runs (<see cref="InfrastructureMode.External"/>): how every PostgreSQL
/// connection the AppHost makes or passes on to a service uses TLS.
/// </summary>
public sealed class ExternalInfrastructureOptions
{
    /// <summary>
    /// Npgsql's SSL Mode: <c>VerifyFull</c> (encrypted, the server's certificate and host name checked),
    /// <c>VerifyCA</c>, <c>Require</c> (encrypted, the certificate not checked: what Npgsql's obsolete
    /// "Trust Server Certificate" did), <c>Prefer</c>, <c>Allow</c>, <c>Disable</c>. Unset: what each
    /// connection string says (Npgsql's default, <c>Prefer</c>).
    /// </summary>
    public SslMode? PostgresSslMode { get; set; }

    /// <summary>A PEM file of the CA the server's certificate is checked against (VerifyCA, VerifyFull); unset: the system's trusted roots.</summary>
    public string? PostgresRootCertificate { get; set; }

    /// <summary><paramref name="connectionString"/> with the TLS settings above, where they are set.</summary>
    public string WithTls(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (PostgresSslMode is { } mode)
        {
            builder.SslMode = mode;
        }

        if (PostgresRootCertificate is { Length: > 0 } rootCertificate)
        {
            builder.RootCertificate = rootCertificate;
        }

        return builder.ConnectionString;
    }
}

public sealed class LocalInfrastructureOptions
{
    /// <summary>
    /// Where the local broker and database keep their data, kept across runs so that a restart
    /// loses nothing. Default: /var/lib/proposalplatform as root, else ~/.local/share/proposalplatform.
    /// </summary>
    public string? DataDirectory { get; set; }

    // Ports of their own, clear of a system RabbitMQ (5672, 15672, 25672) or PostgreSQL (5432) on the same
    // machine, and below the kernel's ephemeral range (32768-60999 on Linux), from which a client's outgoing
    // connection could take one while the server is down and keep it from listening again.
    public int RabbitMqPort { get; set; } = 24672;
    public int RabbitMqManagementPort { get; set; } = 24673;
    public int RabbitMqDistributionPort { get; set; } = 24674;

    /// <summary>The broker's own Erlang port mapper, so no shared epmd outlives the platform.</summary>
    public int EpmdPort { get; set; } = 24675;

    public int PostgresPort { get; set; } = 24432;

    public string ResolveDataDirectory() =>
        DataDirectory is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Environment.UserName == "root"
                ? "/var/lib/proposalplatform"
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "proposalplatform");
}
