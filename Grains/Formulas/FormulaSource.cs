using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SocialValue.Formulas;

/// <summary>
/// An administrator's source placed, verbatim and from column 0 of its own line, into the struct generated from it,
/// so that a position in the generated text maps back to the source by subtracting the lines before it.
/// </summary>
/// <remarks>
/// The generated <c>readonly struct Formula</c> is built on the stack by its static <c>Evaluate</c> (bound once as a
/// typed delegate closed over its unused first parameter: see <see cref="FormulaCompiler.Compile"/>), holds the evaluation's inputs and proxy lookup in two private fields, and exposes what a formula
/// may use as public instance members, each forwarding in one line to <see cref="FormulaHelpers"/>. The sandbox
/// allows exactly those members (<see cref="Members"/>); the fields, the constructor, <c>Evaluate</c>, <c>Run</c>
/// and <see cref="FormulaHelpers"/> itself are rejected when a formula names them.
/// </remarks>
internal sealed class FormulaSource
{
    public const string ClassName = "Formula";
    public const string EntryName = "Evaluate";

    /// <summary>The generated struct's members a formula may use: its public instance properties and methods.</summary>
    public static readonly IReadOnlySet<string> Members = new HashSet<string>(StringComparer.Ordinal)
    {
        "Quantity", "Target", "ContractValue", "Input", "Proxy", "Sum", "Min", "Max", "Mean", "LowerMedian", "Count",
    };

    private const string Inputs = "global::SocialValue.Formulas.FormulaInputs";
    private const string ProxyLookup = "global::System.Func<string, decimal?>";
    private const string Helpers = "global::SocialValue.Formulas.FormulaHelpers";

    private const string Prologue =
        "using System;\n" +
        "\n" +
        "public readonly struct " + ClassName + "\n" +
        "{\n" +
        "    private readonly " + Inputs + " _inputs;\n" +
        "    private readonly " + ProxyLookup + " _proxy;\n" +
        "\n" +
        "    private " + ClassName + "(" + Inputs + " inputs, " + ProxyLookup + " proxy)\n" +
        "    {\n" +
        "        _inputs = inputs;\n" +
        "        _proxy = proxy;\n" +
        "    }\n" +
        "\n" +
        "    public static decimal " + EntryName + "(object unused, " + Inputs + " inputs, " + ProxyLookup + " proxy) => new " + ClassName + "(inputs, proxy).Run();\n" +
        "\n" +
        "    public decimal Quantity => _inputs.Quantity;\n" +
        "    public decimal Target => _inputs.Target;\n" +
        "    public decimal ContractValue => _inputs.ContractValue;\n" +
        "    public decimal Input(string name) => " + Helpers + ".Input(_inputs, name);\n" +
        "    public decimal Proxy(string code) => " + Helpers + ".Proxy(_proxy, code);\n" +
        "    public decimal Sum(string list) => " + Helpers + ".Sum(_inputs, list);\n" +
        "    public decimal Min(string list) => " + Helpers + ".Min(_inputs, list);\n" +
        "    public decimal Max(string list) => " + Helpers + ".Max(_inputs, list);\n" +
        "    public decimal Mean(string list) => " + Helpers + ".Mean(_inputs, list);\n" +
        "    public decimal LowerMedian(string list) => " + Helpers + ".LowerMedian(_inputs, list);\n" +
        "    public decimal Count(string list) => " + Helpers + ".Count(_inputs, list);\n" +
        "\n" +
        "    private decimal Run()";

    private const string BlockOpening = "\n    {\n";
    private const string BlockClosing = "\n    }\n}\n";
    private const string ExpressionOpening = " =>\n";
    private const string ExpressionClosing = "\n    ;\n}\n";

    private readonly int _firstLine;

    private FormulaSource(string source, bool isExpression)
    {
        var opening = Prologue + (isExpression ? ExpressionOpening : BlockOpening);
        Start = opening.Length;
        End = Start + source.Length;
        _firstLine = opening.Count(c => c == '\n');
        Text = SourceText.From(opening + source + (isExpression ? ExpressionClosing : BlockClosing));
    }

    /// <summary>The generated struct's text.</summary>
    public SourceText Text { get; }

    /// <summary>Where the administrator's source starts in <see cref="Text"/>.</summary>
    public int Start { get; }

    /// <summary>Where the administrator's source ends in <see cref="Text"/>.</summary>
    public int End { get; }

    /// <summary>
    /// Wraps <paramref name="source"/> as the body of <c>Run</c>: an expression body when the whole source parses as
    /// one expression, a block of statements otherwise.
    /// </summary>
    public static FormulaSource Wrap(string source) =>
        new(source, SyntaxFactory.ParseExpression(source, options: FormulaCompiler.ParseOptions).GetDiagnostics()
            .All(d => d.Severity != Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

    /// <summary>Whether <paramref name="span"/> lies within the administrator's source.</summary>
    public bool Contains(TextSpan span) => span.Start >= Start && span.End <= End;

    /// <summary>A diagnostic at <paramref name="position"/> of <see cref="Text"/>, clamped into the administrator's source.</summary>
    public FormulaDiagnostic At(int position, string message)
    {
        var line = Text.Lines.GetLinePosition(Math.Clamp(position, Start, End));
        return new FormulaDiagnostic(line.Line - _firstLine + 1, line.Character + 1, message);
    }

    /// <summary>A diagnostic at <paramref name="position"/> of an unwrapped source, before it is wrapped.</summary>
    public static FormulaDiagnostic At(string source, int position, string message)
    {
        var line = SourceText.From(source).Lines.GetLinePosition(position);
        return new FormulaDiagnostic(line.Line + 1, line.Character + 1, message);
    }

    /// <summary>The <c>Run</c> method of a wrapped source that parsed without errors.</summary>
    public static MethodDeclarationSyntax RunMethod(CompilationUnitSyntax root) =>
        root.Members.OfType<StructDeclarationSyntax>().Single().Members.OfType<MethodDeclarationSyntax>()
            .Single(m => m.Identifier.ValueText == "Run");
}
