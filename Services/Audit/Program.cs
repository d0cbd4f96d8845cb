using ProposalPlatform.Audit.Apis;
using ProposalPlatform.Audit.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsDefaults();
app.UsePlatformAuthentication();
app.MapAuditApi();
app.MapDefaultOpenApi();
app.MapDefaultEndpoints();

app.Run();
