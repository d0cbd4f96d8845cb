namespace ProposalPlatform.Contracts;

/// <summary>The names of the platform's resources, shared by the AppHost, the services and the tests.</summary>
public static class ResourceNames
{
    public const string Broker = "rabbitmq";
    public const string DatabaseServer = "postgres";

    public const string IntakeDatabase = "intakedb";
    public const string AssignmentDatabase = "assignmentdb";
    public const string ContactSchedulingDatabase = "contactdb";
    public const string ReplyDatabase = "replydb";
    public const string IdentityDatabase = "identitydb";
    public const string AuditDatabase = "auditdb";
    public const string ReportingDatabase = "reportingdb";
    public const string NotificationsDatabase = "notificationsdb";

    /// <summary>
    /// The connection a service runs its database's migrations with (<c>ConnectionStrings:&lt;name&gt;-migrations</c>,
    /// the owner's) where it runs as a role that is not the owner; absent where it runs as the owner.
    /// </summary>
    public static string MigrationsConnection(string databaseName) => $"{databaseName}-migrations";

    public const string Intake = "intake";
    public const string Assignment = "assignment";
    public const string ContactScheduling = "contactscheduling";
    public const string Reply = "reply";
    public const string Identity = "identity";
    public const string Audit = "audit";
    public const string Reporting = "reporting";
    public const string Notifications = "notifications";
    public const string Portal = "portal";
    public const string Gateway = "gateway";

    /// <summary>
    /// The resource name of a service's <paramref name="copy"/>-th copy where the platform runs several
    /// (<c>Platform:Replicas</c>): the first keeps the service's name, the others are "intake-2", "intake-3", …
    /// They all answer to the service's name in service discovery.
    /// </summary>
    public static string Copy(string service, int copy) => copy == 1 ? service : $"{service}-{copy}";

    /// <summary>The local SMTP server with a web inbox (smtp4dev) the AppHost runs where no relay is configured.</summary>
    public const string MailServer = "mail";
}
