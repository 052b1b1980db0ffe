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

        // The PostgreSQL write comparison interleaved round by round, so that machine noise hits all three alike.
        if (args is [PairedWriteDriver.Switch])
        {
            PairedWriteDriver.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
