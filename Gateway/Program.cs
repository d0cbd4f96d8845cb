using ProposalPlatform.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.Services.AddReverseProxy()
    .LoadFromMemory(GatewayRoutes.Routes, GatewayRoutes.Clusters)
    .AddServiceDiscoveryDestinationResolver();
builder.Services.AddClientRateLimits();

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
app.MapDefaultEndpoints();

app.Run();
