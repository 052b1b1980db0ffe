using System.Reflection;
using System.Text.Json.Nodes;
using Orleans.Runtime;
using SocialValue.Organisations;
using SocialValue.Silo.Database;

namespace SocialValue.Silo.Tests.Database;

/// <summary>
/// Every grain's stored state, as the Silo wrote it (samples taken from a SQLite database after a full journey:
/// commissioning to Live, a Kite Mark award, an assessment, published formulas and a local scheme),
/// still reads back completely. The JSON names no .NET type, so renaming or moving a state class cannot orphan it;
/// renaming or dropping a stored property makes this fail.
/// </summary>
public sealed class StoredStateSampleTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "Database", "StoredStates");

    public static TheoryData<string> StateNames() => [.. PersistentStates().Keys];

    [Fact]
    public void Every_grain_state_has_a_stored_sample()
    {
        var missing = PersistentStates().Keys.Where(name => !File.Exists(SampleOf(name))).ToList();

        Assert.True(missing.Count == 0, $"No stored sample for: {string.Join(", ", missing)}");
        Assert.True(PersistentStates().Count >= 9);
    }

    [Theory]
    [MemberData(nameof(StateNames))]
    public void A_stored_sample_reads_back_to_the_same_json(string stateName)
    {
        var type = PersistentStates()[stateName];
        var stored = File.ReadAllText(SampleOf(stateName));
        var serializer = new JsonGrainStorageSerializer();

        var state = typeof(JsonGrainStorageSerializer).GetMethod(nameof(JsonGrainStorageSerializer.Deserialize))!
            .MakeGenericMethod(type).Invoke(serializer, [new BinaryData(stored)]);
        var written = (BinaryData)typeof(JsonGrainStorageSerializer).GetMethod(nameof(JsonGrainStorageSerializer.Serialize))!
            .MakeGenericMethod(type).Invoke(serializer, [state])!;

        Assert.DoesNotContain("$type", stored);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(written.ToString())),
            $"{stateName} did not read back whole:\nstored  {JsonNode.Parse(stored)!.ToJsonString()}\nwritten {written}");
    }

    private static string SampleOf(string stateName) => Path.Combine(Samples, stateName + ".json");

    /// <summary>Each <c>[PersistentState]</c> of the service's grains: its state name and state type.</summary>
    private static Dictionary<string, Type> PersistentStates() =>
        typeof(OrganisationGrain).Assembly.GetTypes()
            .SelectMany(t => t.GetConstructors())
            .SelectMany(c => c.GetParameters())
            .Select(p => (Attribute: p.GetCustomAttribute<PersistentStateAttribute>(), p.ParameterType))
            .Where(p => p.Attribute is not null)
            .ToDictionary(p => p.Attribute!.StateName, p => p.ParameterType.GetGenericArguments()[0]);
}
