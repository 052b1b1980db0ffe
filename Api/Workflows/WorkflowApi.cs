using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SocialValue.Api.Auth;
using SocialValue.Api.Http;
using SocialValue.Errors;
using SocialValue.Workflow;

namespace SocialValue.Api.Workflows;

/// <summary>How the three workflow routes reach one kind of resource: its grain's transitions, diagram and trigger.</summary>
public sealed record WorkflowBinding(
    Func<HttpContext, Task<TransitionOptions>> GetTransitions,
    Func<HttpContext, Task<string>> GetDiagram,
    Func<HttpContext, TransitionRequest, Task<IResult>> Fire);

public static class WorkflowApi
{
    private const int MaxTriggerLength = 64;
    private const int MaxReasonLength = 2000;
    private const int MaxArguments = 16;

    private static readonly HashSet<string> ReservedFields = new(StringComparer.OrdinalIgnoreCase) { "trigger", "reason" };

    /// <summary>
    /// API.md "Workflows": <c>GET {resource}/transitions</c>, <c>POST {resource}/transitions {trigger, reason?, ...arguments}</c>
    /// (200 with the updated resource, or 409 with the reasons) and <c>GET {resource}/workflow</c> as Mermaid text.
    /// The document describes the body as <typeparamref name="TRequest"/> (the trigger enum and its arguments) and the answer
    /// as <typeparamref name="TResource"/>; the body is read field by field, so that the workflow's guards see the arguments.
    /// <paramref name="noun"/> is what the resource is called in sentences ("Kite Mark application"); its words make the
    /// operation names (<c>FireKiteMarkApplicationTransition</c>).
    /// </summary>
    public static RouteGroupBuilder MapWorkflow<TState, TTrigger, TRequest, TResource>(
        this IEndpointRouteBuilder app, string resource, string noun, string tag, WorkflowBinding binding)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TRequest : notnull
    {
        var name = string.Concat(noun.Split(' ').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
        var group = app.MapGroup(resource).WithTags(tag).RequireAuthorization();
        // Explicit return types: a lambda taking only HttpContext would otherwise bind as a RequestDelegate and drop its result.
        group.MapGet("/transitions", async Task<Ok<TransitionsResponse<TState, TTrigger>>> (HttpContext context) =>
                TypedResults.Ok(TransitionsResponse<TState, TTrigger>.From(await binding.GetTransitions(context))))
            .WithName($"Get{name}Transitions")
            .WithSummary($"The {noun}'s state, the triggers permitted now and those blocked with their reasons");
        group.MapPost("/transitions", async (HttpContext context, ClaimsPrincipal user) =>
                await binding.Fire(context, ReadRequest(await ReadBodyAsync(context), user)))
            .WithName($"Fire{name}Transition")
            .WithSummary($"Fires a trigger on the {noun}")
            .WithDescription($"200 with the updated {noun}, or 409 with the `reasons` the trigger is not permitted now.")
            .Accepts<TRequest>("application/json")
            .Produces<TResource>();
        group.MapGet("/workflow", async Task<ContentHttpResult> (HttpContext context) =>
                TypedResults.Text(await binding.GetDiagram(context), "text/plain"))
            .WithName($"Get{name}Workflow")
            .WithSummary($"The {noun}'s state machine as a Mermaid diagram")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        return group;
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            throw new BadHttpRequestException("Send the transition as application/json.", StatusCodes.Status415UnsupportedMediaType);
        }
        return await context.Request.ReadFromJsonAsync<JsonElement>(context.RequestAborted);
    }

    /// <summary>Reads <c>{trigger, reason?, ...arguments}</c>; arguments become strings for the workflow's guards.</summary>
    public static TransitionRequest ReadRequest(JsonElement body, ClaimsPrincipal user)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new BadHttpRequestException("A transition is a JSON object: {\"trigger\": \"...\", \"reason\": \"...\", ...arguments}.");
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var property in body.EnumerateObject())
        {
            var name = Text(() => property.Name);
            if (!seen.Add(name))
            {
                throw new BodyRefusedException($"'{name}' is given twice (field names are matched ignoring case).");
            }
            var value = property.Value;
            if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                && (value.ValueKind == JsonValueKind.String || !ReservedFields.Contains(name)))
            {
                fields.Add(KeyValuePair.Create(name, Text(() => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())));
            }
        }
        return Request(fields, user);
    }

    /// <summary>
    /// Reads text from the body, which JSON lets hold what no string can (an unpaired surrogate such as <c>"\ud800"</c>,
    /// bytes that are not UTF-8): that is the client's mistake, a 400, not a failure of the service.
    /// </summary>
    private static string Text(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            throw new BodyRefusedException("The transition holds text that is not valid Unicode: an unpaired surrogate or bytes that are not UTF-8.");
        }
    }

    /// <summary>
    /// A transition from named fields (a JSON body's or a form's): <c>trigger</c>, <c>reason</c>, and the others as
    /// arguments for the workflow's guards.
    /// </summary>
    public static TransitionRequest Request(IEnumerable<KeyValuePair<string, string>> fields, ClaimsPrincipal user)
    {
        var all = fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.OrdinalIgnoreCase);
        var trigger = all.GetValueOrDefault("trigger");
        if (string.IsNullOrWhiteSpace(trigger))
        {
            throw new ValidationException("trigger", "'trigger' is required: the name of the transition to fire.");
        }
        var reason = all.GetValueOrDefault("reason");
        var arguments = all.Where(f => !ReservedFields.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.OrdinalIgnoreCase);
        // A transition is kept in the resource's history for good: its text is bounded like any other stored text.
        var validation = new RequestValidation().MaxLength("trigger", trigger, MaxTriggerLength).MaxLength("reason", reason, MaxReasonLength);
        if (arguments.Count > MaxArguments)
        {
            validation.Add("arguments", $"A transition takes at most {MaxArguments} arguments; this one has {arguments.Count}.");
        }
        foreach (var (name, value) in arguments.Take(MaxArguments))
        {
            validation.MaxLength(name.Length > MaxTriggerLength ? name[..MaxTriggerLength] : name, value, MaxReasonLength);
        }
        validation.ThrowIfInvalid();
        if (reason is not null)
        {
            arguments["reason"] = reason;
        }
        return new TransitionRequest(trigger, user.Actor(), reason, arguments);
    }

    /// <summary>The current state with the triggers that may be fired now and where they lead, and those blocked with the reasons.</summary>
    public sealed record TransitionsResponse<TState, TTrigger>(
        TState State, IReadOnlyList<PermittedTransitionResponse<TTrigger>> Permitted, IReadOnlyList<BlockedTransitionResponse<TTrigger>> Blocked)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        public static TransitionsResponse<TState, TTrigger> From(TransitionOptions options) => new(
            Enum.Parse<TState>(options.State),
            [.. options.Permitted.Select(p => new PermittedTransitionResponse<TTrigger>(Enum.Parse<TTrigger>(p.Trigger), p.To))],
            [.. options.Blocked.Select(b => new BlockedTransitionResponse<TTrigger>(Enum.Parse<TTrigger>(b.Trigger), b.Reasons))]);
    }

    /// <summary>One recorded transition of a resource's history, in the resource's own states and triggers.</summary>
    public sealed record TransitionRecordResponse<TState, TTrigger>(DateTimeOffset At, string Actor, TTrigger Trigger, TState From, TState To, string? Reason)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        public static TypedHistory<TransitionRecordResponse<TState, TTrigger>> FromHistory(IEnumerable<TransitionRecord> history) =>
            TypedHistory.Of<TState, TTrigger, TransitionRecordResponse<TState, TTrigger>>(
                history, (r, trigger, from, to) => new(r.At, r.Actor, trigger, from, to, r.Reason));
    }

    /// <summary>A trigger that may be fired now and where it leads.</summary>
    /// <param name="Trigger">The trigger.</param>
    /// <param name="To">The state it leads to; states joined by <c>|</c> when its arguments choose (<c>Reassess {level}</c>).</param>
    public sealed record PermittedTransitionResponse<TTrigger>(TTrigger Trigger, string To)
        where TTrigger : struct, Enum;

    public sealed record BlockedTransitionResponse<TTrigger>(TTrigger Trigger, IReadOnlyList<string> Reasons)
        where TTrigger : struct, Enum;
}
