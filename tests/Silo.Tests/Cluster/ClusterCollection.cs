namespace SocialValue.Silo.Tests.Cluster;

/// <summary>The two-Silo tests run one after another: each class starts real processes, and a 2-core machine runs two Silos well, not four.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<TwoSilos>
{
    public const string Name = "Cluster";
}
