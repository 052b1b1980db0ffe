namespace SocialValue.Contracts;

public sealed class ContractIndexState
{
    public Dictionary<string, ContractSummary> Contracts { get; set; } = [];
}
