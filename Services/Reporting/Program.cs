using ProposalPlatform.Reporting;
using ProposalPlatform.Reporting.Apis;
using ProposalPlatform.Reporting.Extensions;

// `rebuild`: compute the views again from the event log, and exit (see the README, "Rebuilding the reports")
if (args is [RebuildCommand.Verb, ..])
{
    return await RebuildCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsDefaults();
app.UsePlatformAuthentication();
app.MapReportingApi();
app.MapDefaultOpenApi();
app.MapDefaultEndpoints();

app.Run();
return 0;
