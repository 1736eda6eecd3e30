using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Accounts;

/// <summary>Every endpoint says who may call it: public by an explicit AllowAnonymous, or signed in.</summary>
public sealed class EndpointRulesTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_endpoint_is_explicitly_public_or_requires_a_signed_in_user()
    {
        using var app = new SteppeFactory(_folder);
        _ = app.Server;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var unruled = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}")
            .ToList();

        endpoints.Should().HaveCountGreaterThan(8);
        unruled.Should().BeEmpty("every endpoint needs .AllowAnonymous() or .RequireAuthorization()");
    }
}
