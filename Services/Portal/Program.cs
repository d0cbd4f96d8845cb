using ProposalPlatform.Portal;
using ProposalPlatform.Portal.Authentication;
using ProposalPlatform.Portal.Clients;
using ProposalPlatform.Portal.Components;
using ProposalPlatform.Portal.Extensions;
using ProposalPlatform.Portal.Localization;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapSignInEndpoints();
app.MapLanguageEndpoints();
app.MapExportEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapDefaultEndpoints();

app.Run();
