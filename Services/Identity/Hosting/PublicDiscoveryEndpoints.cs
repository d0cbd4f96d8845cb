using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ProposalPlatform.Identity.Hosting;

/// <summary>
/// OpenIddict names the endpoints of the discovery document under the address the request came to;
/// behind the gateway that is this service's own address, which clients must not call. Every endpoint
/// is named under the configured issuer instead, the gateway's public address.
/// </summary>
public sealed class PublicDiscoveryEndpoints : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<PublicDiscoveryEndpoints>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        if (context.Options.Issuer is not { } issuer || context.BaseUri is not { } requestBase)
        {
            return default;
        }

        context.AuthorizationEndpoint = Public(context.AuthorizationEndpoint, requestBase, issuer);
        context.TokenEndpoint = Public(context.TokenEndpoint, requestBase, issuer);
        context.EndSessionEndpoint = Public(context.EndSessionEndpoint, requestBase, issuer);
        context.UserInfoEndpoint = Public(context.UserInfoEndpoint, requestBase, issuer);
        context.JsonWebKeySetEndpoint = Public(context.JsonWebKeySetEndpoint, requestBase, issuer);
        context.IntrospectionEndpoint = Public(context.IntrospectionEndpoint, requestBase, issuer);
        context.RevocationEndpoint = Public(context.RevocationEndpoint, requestBase, issuer);
        return default;
    }

    /// <summary>The endpoint under <paramref name="issuer"/> instead of <paramref name="requestBase"/>; one elsewhere stays as it is.</summary>
    public static Uri? Public(Uri? endpoint, Uri requestBase, Uri issuer)
    {
        if (endpoint is null)
        {
            return null;
        }

        var under = requestBase.AbsoluteUri.EndsWith('/') ? requestBase.AbsoluteUri : requestBase.AbsoluteUri + "/";
        var root = issuer.AbsoluteUri.EndsWith('/') ? issuer : new Uri(issuer.AbsoluteUri + "/");
        return endpoint.AbsoluteUri.StartsWith(under, StringComparison.OrdinalIgnoreCase)
            ? new Uri(root, endpoint.AbsoluteUri[under.Length..])
            : endpoint;
    }
}
