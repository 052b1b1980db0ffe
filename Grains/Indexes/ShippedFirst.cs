namespace SocialValue.Indexes;

/// <summary>
/// Positions for entries that ship with the service (templates), which list before the others in the order they
/// ship: their sort keys start with U+0000, which sorts before any character of a name.
/// </summary>
public static class ShippedFirst
{
    public static IndexPosition Position(int rank, string id) => new($"\0{rank:D4}", id);
}
