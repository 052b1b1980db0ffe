using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using SocialValue.Api.Http;
using SocialValue.Api.Workflows;
using SocialValue.Silo.Tests.Infrastructure;
using SocialValue.Silo.Tests.TestGrains;

namespace SocialValue.Silo.Tests.Api;

/// <summary>API.md "Workflows": the three routes every resource with a state machine has, over HTTP.</summary>
public sealed class WorkflowApiTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestSilo _silo = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _silo = await TestSilo.StartAsync(_database, configureApp: app =>
        {
            static ITicketGrain Ticket(HttpContext context) =>
                context.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>((string)context.Request.RouteValues["id"]!);
            app.MapWorkflow<TicketStatus, TicketTrigger, TicketTransitionRequest, TicketDetails>("/test/tickets/{id}", "ticket", "Tickets", new WorkflowBinding(
                context => Ticket(context).GetTransitionsAsync(),
                context => Ticket(context).GetDiagramAsync(),
                async (context, request) =>
                {
                    var ticket = await Ticket(context).FireAsync(request, context.Request.IfMatch());
                    context.Response.SetETag(ticket.ETag!);
                    return Results.Ok(ticket);
                }));
            app.MapGet("/test/tickets/{id}", async (string id, IGrainFactory grains, HttpResponse response) =>
            {
                var ticket = await grains.GetGrain<ITicketGrain>(id).GetAsync();
                response.SetETag(ticket.ETag ?? "0");
                return Results.Ok(ticket);
            }).RequireAuthorization();
        });
        _admin = _silo.Client();
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Transitions_list_the_permitted_triggers_and_the_blocked_ones_with_their_reasons()
    {
        var open = await (await _admin.GetAsync("/test/tickets/t1/transitions")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", open.GetProperty("state").GetString());
        Assert.Equal(["Start:InProgress", "Cancel:Cancelled"],
            open.GetProperty("permitted").EnumerateArray().Select(p => $"{p.GetProperty("trigger").GetString()}:{p.GetProperty("to").GetString()}").Order(StringComparer.Ordinal).Reverse());

        await Fire("t1", new { trigger = "Start" }).AssertJsonAsync(HttpStatusCode.OK);

        var started = await (await _admin.GetAsync("/test/tickets/t1/transitions")).AssertJsonAsync(HttpStatusCode.OK);
        var blocked = Assert.Single(started.GetProperty("blocked").EnumerateArray());
        Assert.Equal("Close", blocked.GetProperty("trigger").GetString());
        Assert.Equal([TicketGrain.NeedsApproval], blocked.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Firing_returns_the_updated_resource_with_its_history()
    {
        var fired = await Fire("t2", new { trigger = "Start", reason = "picked up" }).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("InProgress", fired.GetProperty("state").GetString());
        var record = Assert.Single(fired.GetProperty("history").EnumerateArray());
        Assert.Equal(("Start", "Open", "InProgress", "picked up"),
            (record.GetProperty("trigger").GetString(), record.GetProperty("from").GetString(), record.GetProperty("to").GetString(), record.GetProperty("reason").GetString()));
        Assert.Contains("bootstrap administrator", record.GetProperty("actor").GetString());
        Assert.True(record.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task A_blocked_trigger_is_409_with_the_reasons_and_changes_nothing()
    {
        await Fire("t3", new { trigger = "Start" });

        var refused = await Fire("t3", new { trigger = "Close" }).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal([TicketGrain.NeedsApproval], refused.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var ticket = await (await _admin.GetAsync("/test/tickets/t3")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("InProgress", ticket.GetProperty("state").GetString());
        await _silo.Grains.GetGrain<ITicketGrain>("t3").ApproveAsync();
        Assert.Equal("Closed", (await Fire("t3", new { trigger = "Close" }).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_trigger_not_valid_in_the_state_is_409()
    {
        var refused = await Fire("t4", new { trigger = "Close" }).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.NotEmpty(refused.GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public async Task Bad_transition_requests_are_4xx_problems()
    {
        var missingArgument = await Fire("t5", new { trigger = "Cancel" }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(missingArgument.GetProperty("errors").TryGetProperty("reason", out _));
        await Fire("t5", new { trigger = "Fly" }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await Fire("t5", new { reason = "no trigger" }).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await Fire("t5", new[] { 1, 2 }).AssertProblemAsync(HttpStatusCode.BadRequest);
        var malformed = await _admin.PostAsync("/test/tickets/t5/transitions", new StringContent("{\"trigger\":", Encoding.UTF8, "application/json"));
        await malformed.AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Cancelled", (await Fire("t5", new { trigger = "Cancel", reason = "duplicate" }).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_stale_if_match_on_a_transition_is_412()
    {
        await Fire("t6", new { trigger = "Start" });
        var read = await _admin.GetAsync("/test/tickets/t6");
        var etag = read.Headers.ETag!.Tag;
        await _silo.Grains.GetGrain<ITicketGrain>("t6").ApproveAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/test/tickets/t6/transitions") { Content = JsonContent.Create(new { trigger = "Close" }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));

        await (await _admin.SendAsync(request)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task The_workflow_renders_as_mermaid_text()
    {
        var response = await _admin.GetAsync("/test/tickets/t7/workflow");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("stateDiagram-v2", text);
        Assert.Contains("Open --> InProgress : Start", text);
        Assert.Contains("InProgress --> Closed : Close", text);
    }

    [Fact]
    public async Task Workflow_routes_need_a_key()
    {
        await (await _silo.Client(null).GetAsync("/test/tickets/t8/transitions")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> Fire(string id, object body) => _admin.PostAsJsonAsync($"/test/tickets/{id}/transitions", body);

    /// <summary>The transition body the test routes document.</summary>
    public sealed record TicketTransitionRequest(TicketTrigger Trigger, string? Reason);
}
