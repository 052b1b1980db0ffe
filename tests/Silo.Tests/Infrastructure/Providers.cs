namespace SocialValue.Silo.Tests.Infrastructure;

/// <summary>Both storage providers, for theories that must hold on each.</summary>
public static class Providers
{
    public static TheoryData<string> Both => new() { "Sqlite", "Postgres" };
}
