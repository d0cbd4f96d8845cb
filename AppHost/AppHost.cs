using ProposalPlatform.AppHost.Infrastructure;
using ProposalPlatform.AppHost.Replicas;
using ProposalPlatform.AppHost.SelfHealing;
using ProposalPlatform.AppHost.Services;
using ProposalPlatform.Contracts;

var builder = DistributedApplication.CreateBuilder(args);

// what dies is started again; the ports it listens on are checked against the kernel's ephemeral range
builder.AddRestartPolicy().WarnOfPortsInTheEphemeralRange();

var infrastructure = builder.AddPlatformInfrastructure();

// the gateway is the platform's one public address, and so the issuer every token names
var gateway = builder.AddPlatformService<Projects.ProposalPlatform_Gateway>(ResourceNames.Gateway)
    .WithExternalHttpEndpoints()
    .WithAuditOverBroker(infrastructure)
    .WithTelemetryChoices();
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/");

// every service and the portal run in as many copies as Platform:Replicas says (1 unless set), each with the same settings
var bootstrap = builder.AddIdentityBootstrap();
var identity = builder.AddServiceCopies<Projects.ProposalPlatform_Identity>(ResourceNames.Identity, copy =>
{
    copy.WithIdentityDatabase(infrastructure)
        .WithAuditOverBroker(infrastructure)
        .WithEnvironment("Identity__Issuer", issuer);
    foreach (var (setting, value) in bootstrap)
    {
        copy.WithEnvironment($"Identity__Bootstrap__{setting}", value);
    }

    return copy;
});

// the submitters' contact details and the signatories' phones are sealed with keys the databases never see
var personalDataKeys = builder.AddPersonalDataKeys();

var intake = builder.AddServiceCopies<Projects.ProposalPlatform_Intake>(ResourceNames.Intake, copy => copy
    .WithPlatformInfrastructure(infrastructure, ResourceNames.IntakeDatabase)
    .CheckingTokensOf(identity, issuer)
    .WithPersonalDataKeys(personalDataKeys));
var assignment = builder.AddServiceCopies<Projects.ProposalPlatform_Assignment>(ResourceNames.Assignment, copy => copy
    .WithPlatformInfrastructure(infrastructure, ResourceNames.AssignmentDatabase)
    .CheckingTokensOf(identity, issuer));
var contactScheduling = builder.AddServiceCopies<Projects.ProposalPlatform_ContactScheduling>(ResourceNames.ContactScheduling, copy => copy
    .WithPlatformInfrastructure(infrastructure, ResourceNames.ContactSchedulingDatabase)
    .CheckingTokensOf(identity, issuer)
    // entrusted visits ask assignment which customs district covers the submitter's place
    .WithReference(assignment)
    .GivingWayToTheItemPath());
var reply = builder.AddServiceCopies<Projects.ProposalPlatform_Reply>(ResourceNames.Reply, copy => copy
    .WithPlatformInfrastructure(infrastructure, ResourceNames.ReplyDatabase)
    .CheckingTokensOf(identity, issuer)
    .WithPersonalDataKeys(personalDataKeys)
    .GivingWayToTheItemPath());

// the one audit store: every service's accepted writes and refusals, append-only and hash-chained
var audit = builder.AddServiceCopies<Projects.ProposalPlatform_Audit>(ResourceNames.Audit, copy => copy
    .WithPlatformInfrastructure(infrastructure, ResourceNames.AuditDatabase)
    .CheckingTokensOf(identity, issuer));

// the read side: every event of the four services in an append-only log, the item's story and the year's figures computed from it
var reporting = builder.AddServiceCopies<Projects.ProposalPlatform_Reporting>(ResourceNames.Reporting, copy => copy
    .WithPlatformInfrastructure(infrastructure, ResourceNames.ReportingDatabase)
    .CheckingTokensOf(identity, issuer)
    .GivingWayToTheItemPath());

// the units' reminders: a notice per reminder, listed in the portal, and one mail a day per unit through the
// relay in configuration (Mail:Host), or to the smtp4dev the AppHost runs where none is set
var mail = builder.AddPlatformMail();
var notifications = builder.AddServiceCopies<Projects.ProposalPlatform_Notifications>(ResourceNames.Notifications, copy => copy
    .WithPlatformInfrastructure(infrastructure, ResourceNames.NotificationsDatabase)
    .CheckingTokensOf(identity, issuer)
    .WithPlatformMail(mail)
    .WithEnvironment("Notifications__PortalAddress", issuer)
    .GivingWayToTheItemPath());

// the web portal, served at the gateway's public address: people sign in with the identity service and act with their own tokens
var portal = builder.AddServiceCopies<Projects.ProposalPlatform_Portal>(ResourceNames.Portal, copy => copy
    .WithEnvironment("Portal__PublicAddress", issuer)
    .WithEnvironment("Portal__Gateway", issuer)
    .WithTelemetryChoices()
    .WithHttpHealthCheck("/health"));

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
