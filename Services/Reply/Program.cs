using ProposalPlatform.Infrastructure.Hosting;
using ProposalPlatform.Reply.Apis;
using ProposalPlatform.Reply.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsDefaults();
app.UsePlatformAuthentication();
app.MapRepliesApi();
app.MapHandlingGroupsApi();
app.MapDefaultOpenApi();
app.MapDefaultEndpoints();
app.MapClockControl();

app.Run();
