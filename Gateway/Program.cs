using ProposalPlatform.Contracts;
using ProposalPlatform.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddReverseProxy()
    .LoadFromMemory(GatewayRoutes.Routes, GatewayRoutes.Clusters)
    .AddServiceDiscoveryDestinationResolver();
builder.Services.AddMemoryCache();
builder.Services.AddHttpClient<CallerIdentity>(http => http.BaseAddress = new Uri($"http://{ResourceNames.Assignment}"));

var app = builder.Build();

app.UseProblemDetailsDefaults();
app.MapReverseProxy(proxy =>
{
    proxy.UseProblemDetailsForForwarderErrors();
    proxy.UseCallerIdentity();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.MapApiReference();
app.MapDefaultEndpoints();

app.Run();
