using BenchmarkDotNet.Attributes;
using SocialValue.Contracts;
using SocialValue.Frameworks;

namespace SocialValue.Bench.Reports;

/// <summary>
/// The arithmetic of an organisation's annual report at scale (issue 12): 200 contracts × 20 measures × 12 accepted
/// quarterly returns, summed by measure, outcome and theme, gross only (no SROI adjustments) or gross and net with all
/// four adjustments over a three-year benefit. The grain calls that gather the 200 contracts come on top (about 13 µs each,
/// see GrainCallBenchmarks).
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class AnnualReportBenchmarks
{
    private const int Contracts = 200;
    private const int Measures = 20;
    private const int Quarters = 12;

    private static readonly SroiAdjustments AllFour = new(
        new SroiRate(0.2m, "bench"), new SroiRate(0.1m, "bench"), new SroiRate(0.05m, "bench"), new SroiRate(0.25m, "bench"), BenefitYears: 3);

    private List<ContractState> _contracts = [];

    [Params(false, true)]
    public bool WithSroi { get; set; }

    [GlobalSetup]
    public void Setup() => _contracts = [.. Enumerable.Range(0, Contracts).Select(Contract)];

    [Benchmark]
    public decimal Report()
    {
        var delivered = 0m;
        for (var i = 0; i < _contracts.Count; i++)
        {
            delivered += SocialValueLedger.Totals($"c{i}", _contracts[i], year: null, Sroi.GreenBookRate).Total.DeliveredNetValue;
        }
        return delivered;
    }

    private ContractState Contract(int index)
    {
        var terms = Enumerable.Range(0, Measures).Select(m => new SocialValueTerm(
            $"m{m}", $"Measure {m}", "number", $"t{m % 4}", $"Theme {m % 4}", $"o{m % 8}", $"Outcome {m % 8}", 100, 1, 1_000m, null,
            Adjustments: WithSroi ? AllFour : null)).ToList();
        var returns = Enumerable.Range(0, Quarters).Select(q => new ReturnDetails(
            $"r{q}", $"{2024 + q / 4}-Q{q % 4 + 1}", ReturnStatus.Accepted,
            [.. terms.Select(t => new ReturnLine(t.MeasureId, 10 + index % 7, new Dictionary<string, decimal>(), null, 10m * (10 + index % 7), 1,
                new DateOnly(2024 + q / 4, q % 4 * 3 + 1, 1), 10 + index % 7))],
            "supplier", DateTimeOffset.UnixEpoch, null)).ToList();
        return new ContractState { OrganisationId = "council", Title = $"Contract {index}", Value = 1_000_000m, Terms = terms, Returns = returns };
    }
}
