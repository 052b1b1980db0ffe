namespace SocialValue.Silo.Tests.Cluster;

/// <summary>
/// The two-Silo tests run one after another, and after every other test: each class starts real processes and times a
/// failover, and a 2-core machine runs two Silos well, not two Silos beside a browser and a dozen test Silos.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection : ICollectionFixture<TwoSilos>
{
    public const string Name = "Cluster";
}
