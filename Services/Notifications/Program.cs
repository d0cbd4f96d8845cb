using ProposalPlatform.Infrastructure.Hosting;
using ProposalPlatform.Notifications.Apis;
using ProposalPlatform.Notifications.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsDefaults();
app.UsePlatformAuthentication();
app.MapNotificationsApi();
app.MapDefaultOpenApi();
app.MapDefaultEndpoints();
app.MapClockControl();

app.Run();
