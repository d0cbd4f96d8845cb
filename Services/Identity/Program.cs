using ProposalPlatform.Identity.Apis;
using ProposalPlatform.Identity.Extensions;
using ProposalPlatform.Identity.Pages;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapAccountPages();
app.MapConnectApi();
app.MapPeopleApi();
app.MapClientsApi();
app.MapDefaultOpenApi();
app.MapDefaultEndpoints();

app.Run();
