using ProposalPlatform.AppHost.Infrastructure;
using ProposalPlatform.AppHost.SelfHealing;
using ProposalPlatform.Contracts;

var builder = DistributedApplication.CreateBuilder(args);

// what dies is started again; the ports it listens on are checked against the kernel's ephemeral range
builder.AddRestartPolicy().WarnOfPortsInTheEphemeralRange();

var infrastructure = builder.AddPlatformInfrastructure();

// the gateway is the platform's one public address, and so the issuer every token names
var gateway = builder.AddProject<Projects.ProposalPlatform_Gateway>(ResourceNames.Gateway)
    .WithExternalHttpEndpoints()
    .WithAuditOverBroker(infrastructure)
    .ServedDirectly()
    .WithTelemetryChoices();
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/");

var identity = builder.AddProject<Projects.ProposalPlatform_Identity>(ResourceNames.Identity)
    .WithIdentityDatabase(infrastructure)
    .WithAuditOverBroker(infrastructure)
    .WithEnvironment("Identity__Issuer", issuer);
foreach (var (setting, value) in builder.AddIdentityBootstrap())
{
    identity.WithEnvironment($"Identity__Bootstrap__{setting}", value);
}

// the submitters' contact details and the signatories' phones are sealed with keys the databases never see
var personalDataKeys = builder.AddPersonalDataKeys();

var intake = builder.AddProject<Projects.ProposalPlatform_Intake>(ResourceNames.Intake)
    .WithPlatformInfrastructure(infrastructure, ResourceNames.IntakeDatabase)
    .CheckingTokensOf(identity, issuer)
    .WithPersonalDataKeys(personalDataKeys);
var assignment = builder.AddProject<Projects.ProposalPlatform_Assignment>(ResourceNames.Assignment)
    .WithPlatformInfrastructure(infrastructure, ResourceNames.AssignmentDatabase)
    .CheckingTokensOf(identity, issuer);
var contactScheduling = builder.AddProject<Projects.ProposalPlatform_ContactScheduling>(ResourceNames.ContactScheduling)
    .WithPlatformInfrastructure(infrastructure, ResourceNames.ContactSchedulingDatabase)
    .CheckingTokensOf(identity, issuer)
    // entrusted visits ask assignment which customs district covers the submitter's place
    .WithReference(assignment)
    .GivingWayToTheItemPath();
var reply = builder.AddProject<Projects.ProposalPlatform_Reply>(ResourceNames.Reply)
    .WithPlatformInfrastructure(infrastructure, ResourceNames.ReplyDatabase)
    .CheckingTokensOf(identity, issuer)
    .WithPersonalDataKeys(personalDataKeys)
    .GivingWayToTheItemPath();

// the one audit store: every service's accepted writes and refusals, append-only and hash-chained
var audit = builder.AddProject<Projects.ProposalPlatform_Audit>(ResourceNames.Audit)
    .WithPlatformInfrastructure(infrastructure, ResourceNames.AuditDatabase)
    .CheckingTokensOf(identity, issuer);

// the read side: every event of the four services in an append-only log, the item's story and the year's figures computed from it
var reporting = builder.AddProject<Projects.ProposalPlatform_Reporting>(ResourceNames.Reporting)
    .WithPlatformInfrastructure(infrastructure, ResourceNames.ReportingDatabase)
    .CheckingTokensOf(identity, issuer)
    .GivingWayToTheItemPath();

// the units' reminders: a notice per reminder, listed in the portal, and one mail a day per unit through the
// relay in configuration (Mail:Host), or to the smtp4dev the AppHost runs where none is set
var notifications = builder.AddProject<Projects.ProposalPlatform_Notifications>(ResourceNames.Notifications)
    .WithPlatformInfrastructure(infrastructure, ResourceNames.NotificationsDatabase)
    .CheckingTokensOf(identity, issuer)
    .WithPlatformMail(builder.AddPlatformMail())
    .WithEnvironment("Notifications__PortalAddress", issuer)
    .GivingWayToTheItemPath();

// the web portal, served at the gateway's public address: people sign in with the identity service and act with their own tokens
var portal = builder.AddProject<Projects.ProposalPlatform_Portal>(ResourceNames.Portal)
    .WithEnvironment("Portal__PublicAddress", issuer)
    .WithEnvironment("Portal__Gateway", issuer)
    .ServedDirectly()
    .WithTelemetryChoices()
    .WithHttpHealthCheck("/health");

gateway
    .CheckingTokensOf(identity, issuer).WaitFor(identity)
    .WithReference(intake).WaitFor(intake)
    .WithReference(assignment).WaitFor(assignment)
    .WithReference(contactScheduling).WaitFor(contactScheduling)
    .WithReference(reply).WaitFor(reply)
    .WithReference(audit).WaitFor(audit)
    .WithReference(reporting).WaitFor(reporting)
    .WithReference(notifications).WaitFor(notifications)
    .WithReference(portal).WaitFor(portal)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
