using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;
using SocialValue.Api.Auth;
using SocialValue.Api.Http;
using SocialValue.Errors;
using SocialValue.Formulas;

namespace SocialValue.Api.Errors;

/// <summary>Turns every exception into RFC 9457 problem details with the status API.md names for it.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The exception handler clears the endpoint before it runs handlers; its feature keeps it, for the 400's wording.
        var problem = ToProblem(exception, context.Features.Get<IExceptionHandlerFeature>()?.Endpoint);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(context.Request.Method, context.Request.Path, exception);
        }
        context.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>How long a client waits before retrying a 503: about the time a cluster takes to declare a Silo dead.</summary>
    private const string RetryAfterSeconds = "5";

    /// <summary>The problem for <paramref name="exception"/>; <paramref name="endpoint"/>, when known, lets a 400 name the kind of value its field takes.</summary>
    public static ProblemDetails ToProblem(Exception exception, Endpoint? endpoint = null) => exception switch
    {
        BadHttpRequestException bad => Malformed(bad.StatusCode, bad.StatusCode == 413 ? "Request body too large" : "Malformed request", MalformedRequest.Explain(bad, endpoint)),
        JsonException json => Malformed(400, "Malformed request", MalformedRequest.Explain(json, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)),
        FormulaRejectedException rejected => WithDiagnostics(Problem(422, "Formula rejected", rejected.Message), rejected.Diagnostics),
        FormulaEvaluationException failed => Problem(422, "Formula evaluation failed", $"The formula cannot be evaluated: {failed.Message}."),
        ValidationException invalid => WithErrors(Problem(422, "Validation failed", invalid.Message), invalid.Errors),
        NotFoundException notFound => Problem(404, "Not found", notFound.Message),
        ForbiddenException forbidden => Problem(403, "Forbidden", forbidden.Message),
        ConflictException conflict => Problem(409, "Conflict", conflict.Message),
        TransitionRefusedException refused => Refused(refused),
        InconsistentStateException => Problem(409, "Write conflict", "Another request changed this resource at the same time; read it again and retry."),
        PreconditionFailedException stale => Problem(412, "Precondition failed", stale.Message),
        // A Silo that died is declared dead within seconds; until then calls to its grains are refused, then they move.
        OrleansMessageRejectionException or SiloUnavailableException => Problem(503, "Temporarily unavailable",
            "Part of the cluster is moving to another Silo; retry in a few seconds. A change may have been saved before this "
            + "answer: read the resource to see whether it was."),
        _ => Problem(500, "Internal error", "The service failed to handle this request; it has been logged."),
    };

    /// <summary>A request that could not be read: what was wrong in the client's terms, and under <c>errors</c> the field when one is known.</summary>
    private static ProblemDetails Malformed(int status, string title, (string Detail, string? Field) explained) =>
        explained.Field is { } field
            ? WithErrors(Problem(status, title, explained.Detail), new Dictionary<string, string[]> { [field] = [explained.Detail] })
            : Problem(status, title, explained.Detail);

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithErrors(ProblemDetails problem, IReadOnlyDictionary<string, string[]> errors)
    {
        problem.Extensions["errors"] = errors;
        return problem;
    }

    private static ProblemDetails WithDiagnostics(ProblemDetails problem, IReadOnlyList<FormulaDiagnostic> diagnostics)
    {
        problem.Extensions["diagnostics"] = diagnostics;
        return problem;
    }

    private static ProblemDetails Refused(TransitionRefusedException refused)
    {
        var problem = Problem(409, "Transition not permitted", refused.Message);
        problem.Extensions["trigger"] = refused.Trigger;
        problem.Extensions["state"] = refused.State;
        problem.Extensions["reasons"] = refused.Reasons;
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnhandled(string method, string path, Exception exception);
}
