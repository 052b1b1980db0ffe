namespace SocialValue.Keys;

/// <summary>What an API key may do (API.md, Conventions).</summary>
[GenerateSerializer]
public enum Role
{
    /// <summary>Everything, including frameworks and formulas.</summary>
    Admin,

    /// <summary>Kite Mark schemes and applications of its awarding body; reads its network.</summary>
    Champion,

    /// <summary>Its own organisation's maturity, contracts and applications.</summary>
    Officer,

    /// <summary>Returns on contracts it won.</summary>
    Supplier,

    /// <summary>Reads its own organisation.</summary>
    Viewer,
}
