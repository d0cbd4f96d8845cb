using ProposalPlatform.Infrastructure.Hosting;
using ProposalPlatform.ContactScheduling.Apis;
using ProposalPlatform.ContactScheduling.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsDefaults();
app.UsePlatformAuthentication();
app.MapContactsApi();
app.MapEntrustedApi();
app.MapDefaultOpenApi();
app.MapDefaultEndpoints();
app.MapClockControl();

app.Run();
