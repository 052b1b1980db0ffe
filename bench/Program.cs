using BenchmarkDotNet.Running;
using SocialValue.Bench.Formulas;

namespace SocialValue.Bench;

// Not top-level statements: the Silo's own top-level Program is visible here (InternalsVisibleTo) and would clash.
public static class Program
{
    public static void Main(string[] args)
    {
        // The formula figures that are not BenchmarkDotNet benchmarks: publish latency, memory, a million evaluations.
        if (args is [FormulaDriver.Switch])
        {
            FormulaDriver.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
