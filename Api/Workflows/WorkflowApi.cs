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
    /// </summary>
    public static RouteGroupBuilder MapWorkflow(this IEndpointRouteBuilder app, string resource, string tag, WorkflowBinding binding)
    {
        var group = app.MapGroup(resource).WithTags(tag).RequireAuthorization();
        // Explicit return types: a lambda taking only HttpContext would otherwise bind as a RequestDelegate and drop its result.
        group.MapGet("/transitions", async Task<Ok<TransitionsResponse>> (HttpContext context) =>
            TypedResults.Ok(TransitionsResponse.From(await binding.GetTransitions(context))));
        group.MapPost("/transitions", async (HttpContext context, JsonElement body, ClaimsPrincipal user) =>
            await binding.Fire(context, ReadRequest(body, user)));
        group.MapGet("/workflow", async Task<ContentHttpResult> (HttpContext context) =>
            TypedResults.Text(await binding.GetDiagram(context), "text/plain"));
        return group;
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

    public sealed record TransitionsResponse(string State, IReadOnlyList<PermittedTransition> Permitted, IReadOnlyList<BlockedTransition> Blocked)
    {
        public static TransitionsResponse From(TransitionOptions options) => new(options.State, options.Permitted, options.Blocked);
    }
}
