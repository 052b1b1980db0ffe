using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
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
        var problem = ToProblem(exception);
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

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => Problem(400, "Malformed request", Explain(json)),
        BadHttpRequestException bad => Problem(bad.StatusCode, bad.StatusCode == 413 ? "Request body too large" : "Malformed request", Explain(bad)),
        JsonException json => Problem(400, "Malformed request", Explain(json)),
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

    private static string Explain(BadHttpRequestException bad) =>
        bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message;

    /// <summary>
    /// What is wrong with a JSON body and where, in the client's terms: System.Text.Json's own messages name .NET types,
    /// so only the place is kept from them; a body this service refused says why in its own words.
    /// </summary>
    private static string Explain(JsonException json)
    {
        var what = json is BodyRefusedException refused
            ? refused.Message
            : "The body is not JSON this request accepts: malformed JSON or text (invalid UTF-8, an unpaired surrogate), a value "
              + "of the wrong type or out of range, or a property given twice.";
        var where = json.LineNumber is { } line
            ? $" At {json.Path ?? "$"}, line {line + 1}, byte {json.BytePositionInLine + 1}."
            : json.Path is { } path ? $" At {path}." : "";
        return what + where;
    }

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
