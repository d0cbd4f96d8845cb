using ProposalPlatform.AppHost.Infrastructure;
using ProposalPlatform.Contracts;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddPlatformInfrastructure();
var officeKey = builder.AddOfficeKey();

var intake = builder.AddProject<Projects.ProposalPlatform_Intake>(ResourceNames.Intake)
    .WithPlatformInfrastructure(infrastructure, ResourceNames.IntakeDatabase);
var assignment = builder.AddProject<Projects.ProposalPlatform_Assignment>(ResourceNames.Assignment)
    .WithPlatformInfrastructure(infrastructure, ResourceNames.AssignmentDatabase)
    .WithEnvironment("Identity__OfficeKey", officeKey);
var contactScheduling = builder.AddProject<Projects.ProposalPlatform_ContactScheduling>(ResourceNames.ContactScheduling)
    .WithPlatformInfrastructure(infrastructure, ResourceNames.ContactSchedulingDatabase)
    // entrusted visits ask assignment which customs district covers the submitter's place
    .WithReference(assignment)
    .GivingWayToTheItemPath();
var reply = builder.AddProject<Projects.ProposalPlatform_Reply>(ResourceNames.Reply)
    .WithPlatformInfrastructure(infrastructure, ResourceNames.ReplyDatabase)
    .GivingWayToTheItemPath();

builder.AddProject<Projects.ProposalPlatform_Gateway>(ResourceNames.Gateway)
    .WithExternalHttpEndpoints()
    .ServedDirectly()
    .WithTelemetryChoices()
    .WithReference(intake).WaitFor(intake)
    .WithReference(assignment).WaitFor(assignment)
    .WithReference(contactScheduling).WaitFor(contactScheduling)
    .WithReference(reply).WaitFor(reply)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
