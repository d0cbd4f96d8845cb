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

    public const string Intake = "intake";
    public const string Assignment = "assignment";
    public const string ContactScheduling = "contactscheduling";
    public const string Reply = "reply";
    public const string Identity = "identity";
    public const string Audit = "audit";
    public const string Gateway = "gateway";
}
