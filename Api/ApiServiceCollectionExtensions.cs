using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialValue.Api.ApiKeys;
using SocialValue.Api.Auth;
using SocialValue.Api.Contracts;
using SocialValue.Api.Errors;
using SocialValue.Api.Frameworks;
using SocialValue.Api.Http;
using SocialValue.Api.KiteMark;
using SocialValue.Api.Maturity;
using SocialValue.Api.OpenApi;
using SocialValue.Api.Organisations;
using SocialValue.Api.Reports;
using SocialValue.Api.Service;

namespace SocialValue.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Problem details, API-key authentication with roles, JSON conventions and OpenAPI.</summary>
    public static IServiceCollection AddSocialValueApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            RequestJson.Configure(o.SerializerOptions);
        });

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName,
                o => o.BootstrapAdminKey = configuration["Auth:BootstrapAdminKey"]);
        services.AddAuthorizationBuilder().AddSocialValuePolicies();
        services.AddHostedService<BootstrapAdminKey>();
        services.AddHostedService<ApplicantIndexBackfill>();

        services.AddOpenApi(o =>
        {
            // The REST contract only: the pages, the dashboards and the document itself are not part of it.
            o.ShouldInclude = d => d.GroupName is null && d.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path == "health");
            o.AddDocumentTransformer<DocumentTransformer>();
            o.AddOperationTransformer<OperationTransformer>();
            o.AddSchemaTransformer<SchemaTransformer>();
        });
        return services;
    }

    /// <summary>Every route of API.md, plus <c>/health</c>, <c>/openapi/v1.json</c> and <c>/swagger</c>.</summary>
    public static WebApplication UseSocialValueApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseConditionalGets();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "SocialValue v1");
            o.RoutePrefix = "swagger";
        });
        app.MapHealthApi();
        app.MapKeysApi();
        app.MapOrganisationsApi();
        app.MapFrameworksApi();
        app.MapContractsApi();
        app.MapKiteMarkApi();
        app.MapReportsApi();
        app.MapMaturityApi();
        return app;
    }
}
