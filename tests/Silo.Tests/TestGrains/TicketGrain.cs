using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SocialValue.Errors;
using SocialValue.Versions;
using SocialValue.Workflow;

namespace SocialValue.Silo.Tests.TestGrains;

/// <summary>A small resource with a state machine, to drive the generic workflow routes end to end.</summary>
public interface ITicketGrain : IGrainWithStringKey
{
    Task<TicketDetails> GetAsync();

    Task ApproveAsync();

    Task<TransitionOptions> GetTransitionsAsync();

    Task<string> GetDiagramAsync();

    Task<TicketDetails> FireAsync(TransitionRequest request, VersionCondition? expected);
}

[GenerateSerializer]
public enum TicketStatus
{
    Open,
    InProgress,
    Closed,
    Cancelled,
}

[GenerateSerializer]
public enum TicketTrigger
{
    Start,
    Close,
    Cancel,
}

[GenerateSerializer]
public sealed record TicketDetails(TicketStatus State, IReadOnlyList<TransitionRecord> History, string? ETag);

[GenerateSerializer]
public sealed class TicketState
{
    [Id(0)]
    public TicketStatus Status { get; set; }

    [Id(1)]
    public bool Approved { get; set; }

    [Id(2)]
    public List<TransitionRecord> History { get; set; } = [];
}

public sealed class TicketGrain(
    [PersistentState("test-ticket", "store")] IPersistentState<TicketState> ticket, [FromKeyedServices(BusinessClock.Key)] TimeProvider time)
    : Grain, ITicketGrain
{
    public const string NeedsApproval = "the ticket needs an approval";

    private TicketWorkflow Workflow => new(ticket.State);

    public Task<TicketDetails> GetAsync() => Task.FromResult(Details());

    public async Task ApproveAsync()
    {
        ticket.State.Approved = true;
        await ticket.WriteStateAsync();
    }

    public Task<TransitionOptions> GetTransitionsAsync() => Workflow.GetTransitionsAsync();

    public Task<string> GetDiagramAsync() => Task.FromResult(new TicketWorkflow(new TicketState()).ToMermaid());

    public async Task<TicketDetails> FireAsync(TransitionRequest request, VersionCondition? expected)
    {
        VersionCondition.Check(expected, ticket.Etag);
        await Workflow.FireAsync(request, time.GetUtcNow());
        await ticket.WriteStateAsync();
        return Details();
    }

    private TicketDetails Details() => new(ticket.State.Status, ticket.State.History, ticket.Etag);
}

public sealed class TicketWorkflow : GrainWorkflow<TicketStatus, TicketTrigger>
{
    public TicketWorkflow(TicketState ticket)
        : base("Ticket", TicketStatus.Open, () => ticket.Status, status => ticket.Status = status, ticket.History)
    {
        RequireArguments(TicketTrigger.Cancel, "reason");
        Machine.Configure(TicketStatus.Open)
            .Permit(TicketTrigger.Start, TicketStatus.InProgress)
            .Permit(TicketTrigger.Cancel, TicketStatus.Cancelled);
        Machine.Configure(TicketStatus.InProgress)
            .PermitIf(TicketTrigger.Close, TicketStatus.Closed, () => ticket.Approved, TicketGrain.NeedsApproval)
            .Permit(TicketTrigger.Cancel, TicketStatus.Cancelled);
    }
}
