using ProposalPlatform.Contracts;
using ProposalPlatform.Gateway;
using ProposalPlatform.Infrastructure.Audit;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
// the requests the gateway refuses for want of a valid token are the audit trail's too
builder.AddAuditTrailOverBroker(ResourceNames.Gateway);
builder.Services.AddReverseProxy()
    .LoadFromMemory(GatewayRoutes.Routes, GatewayRoutes.Clusters)
    .AddServiceDiscoveryDestinationResolver();
builder.Services.AddClientRateLimits();
builder.Services.AddInterruptedBatchLookup();

var app = builder.Build();

app.UseProblemDetailsDefaults();
app.UseEarlyRefusals();
app.UsePlatformAuthentication();
app.UseRateLimiter();
app.MapReverseProxy(proxy =>
{
    proxy.UseProblemDetailsForForwarderErrors();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.MapApiReference();
foreach (var prefix in GatewayRoutes.UnknownPrefixes)
{
    app.Map(prefix + "/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API.", detail: "No service of the platform answers this path."))
        .AllowAnonymous();
}

app.MapDefaultEndpoints();

app.Run();
