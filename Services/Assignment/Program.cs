using ProposalPlatform.Infrastructure.Hosting;
using ProposalPlatform.Assignment.Apis;
using ProposalPlatform.Assignment.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsDefaults();
app.UsePlatformAuthentication();
app.MapAssignmentsApi();
app.MapUnitsApi();
app.MapRulesApi();
app.MapDeadlinesApi();
app.MapCalendarApi();
app.MapDefaultOpenApi();
app.MapDefaultEndpoints();
app.MapClockControl();

app.Run();
