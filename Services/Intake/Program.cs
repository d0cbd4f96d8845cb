using ProposalPlatform.Infrastructure.Hosting;
using ProposalPlatform.Intake.Apis;
using ProposalPlatform.Intake.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsDefaults();
app.UsePlatformAuthentication();
app.MapProposalsApi();
app.MapBatchesApi();
app.MapSimilarApi();
app.MapDefaultOpenApi();
app.MapDefaultEndpoints();
app.MapClockControl();

app.Run();
