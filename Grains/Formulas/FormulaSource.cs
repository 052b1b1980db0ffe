using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SocialValue.Formulas;

/// <summary>
/// An administrator's source placed, verbatim and from column 0 of its own line, into the class generated from it,
/// so that a position in the generated text maps back to the source by subtracting the lines before it.
/// </summary>
internal sealed class FormulaSource
{
    public const string ClassName = "Formula";
    public const string FactoryName = "Create";

    private const string Prologue =
        "using System;\n" +
        "\n" +
        "public sealed class " + ClassName + " : SocialValue.Formulas.FormulaContext\n" +
        "{\n" +
        "    public static SocialValue.Formulas.FormulaContext " + FactoryName + "() => new " + ClassName + "();\n" +
        "\n" +
        "    protected override decimal Run()";

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

    /// <summary>The generated class's text.</summary>
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
        root.Members.OfType<ClassDeclarationSyntax>().Single().Members.OfType<MethodDeclarationSyntax>()
            .Single(m => m.Identifier.ValueText == "Run");
}
