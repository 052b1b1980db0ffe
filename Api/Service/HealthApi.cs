using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocialValue.Api.Service;

public static class HealthApi
{
    /// <summary><c>GET /health</c>, anonymous: the registered health checks (the Silo registers storage) as JSON.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth)
            .AllowAnonymous()
            .WithTags("Service")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>The service's health: 200 while it is healthy or degraded, 503 when a check fails, for load balancers.</summary>
    public static async Task<JsonHttpResult<HealthResponse>> GetHealth(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var body = new HealthResponse(
            report.Status,
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckResponse(e.Value.Status, e.Value.Description)));
        return TypedResults.Json(body, statusCode: report.Status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK);
    }

    public sealed record HealthResponse(HealthStatus Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks);

    public sealed record HealthCheckResponse(HealthStatus Status, string? Description);
}
