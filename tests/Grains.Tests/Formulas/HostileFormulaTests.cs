using SocialValue.Formulas;

namespace SocialValue.Grains.Tests.Formulas;

public sealed class HostileFormulaTests
{
    private readonly FormulaEngine _engine = new();

    /// <summary>A name, the hostile source, and a fragment of the diagnostic that must reject it.</summary>
    public static TheoryData<string, string, string> Corpus { get; } = new()
    {
        { "while (true)", "while (true) { } return 1;", "loops are not allowed" },
        { "for (;;)", "for (;;) { } return 1;", "loops are not allowed" },
        { "do/while", "do { } while (true); return 1;", "loops are not allowed" },
        { "foreach", "foreach (var x in new[] { 1, 2 }) { } return 1;", "loops are not allowed" },
        { "goto", "start: goto start;", "goto and labels are not allowed" },
        { "recursion through Run", "return Run();", "a formula cannot call itself" },
        { "recursion through the entry point", "return Evaluate(default, default, default);", "a formula cannot call itself" },
        { "the entry point by its type", "return Formula.Evaluate(default, default, default);", "'Formula' is not available" },
        { "the entry point through global::", "return global::Formula.Evaluate(default, default, default);", "'Formula' is not available" },
        { "a default of the formula itself", "return default(Formula).Quantity;", "'Formula' is not available" },
        { "the formula's inputs field", "return _inputs.Quantity;", "'Formula._inputs' is not available" },
        { "the formula's proxy field", "return _proxy.Invoke(\"NT1\").Value;", "'Formula._proxy' is not available" },
        { "the helpers by name", "return SocialValue.Formulas.FormulaHelpers.Input(default, \"x\");", "'SocialValue.Formulas.FormulaHelpers' is not available" },
        { "the helpers through global::", "return global::SocialValue.Formulas.FormulaHelpers.Proxy(default, \"NT1\");", "'SocialValue.Formulas.FormulaHelpers' is not available" },
        { "the helpers unqualified", "return FormulaHelpers.Count(default, \"x\");", "'FormulaHelpers' does not exist" },
        { "the helpers as a method group", "var f = global::SocialValue.Formulas.FormulaHelpers.Sum; return 1;", "'SocialValue.Formulas.FormulaHelpers' is not available" },
        { "the inputs type", "var i = default(SocialValue.Formulas.FormulaInputs); return i.Quantity;", "'SocialValue.Formulas.FormulaInputs' is not available" },
        { "recursion through base", "return base.Run();", "this and base are not available" },
        { "lambda", "System.Func<decimal> f = () => 1; return f();", "lambdas and anonymous methods are not allowed" },
        { "anonymous method", "System.Func<decimal> f = delegate { return 1; }; return f();", "lambdas and anonymous methods are not allowed" },
        { "recursive local function", "decimal F(decimal n) => F(n); return F(1);", "local functions are not allowed" },
        { "Y combinator", "System.Func<dynamic, System.Func<decimal, decimal>> y = s => n => s(s)(n); return y(y)(1);", "lambdas and anonymous methods are not allowed" },
        { "huge array", "var a = new decimal[int.MaxValue]; return a.Length;", "creating objects or arrays is not allowed" },
        { "huge string", "var s = new string('x', int.MaxValue); return s.Length;", "creating objects or arrays is not allowed" },
        { "file", "return System.IO.File.ReadAllText(\"/etc/passwd\").Length;", "'System.IO.File' is not available" },
        { "process", "System.Diagnostics.Process.Start(\"sh\"); return 1;", "'Process' does not exist" },
        { "Environment.Exit", "Environment.Exit(1); return 1;", "'System.Environment' is not available" },
        { "environment variable", "return Input(Environment.GetEnvironmentVariable(\"HOME\"));", "'System.Environment' is not available" },
        { "typeof reflection", "return typeof(object).Assembly.GetTypes().Length;", "typeof is not allowed" },
        { "GetType reflection", "return Quantity.GetType().GetMethods().Length;", "'object.GetType' is not available" },
        { "Type.GetType", "var t = Type.GetType(\"System.IO.File\"); return 1;", "'System.Type' is not available" },
        { "dynamic", "dynamic d = Quantity; return d.Foo();", "'dynamic' is not available" },
        { "thread", "System.Threading.Thread.Sleep(int.MaxValue); return 1;", "'System.Threading.Thread' is not available" },
        { "new thread", "new System.Threading.Thread(() => { }).Start(); return 1;", "creating objects or arrays is not allowed" },
        { "Task.Run", "System.Threading.Tasks.Task.Run(() => 1); return 1;", "lambdas and anonymous methods are not allowed" },
        { "unsafe block", "unsafe { int* p = null; return *p; }", "unsafe code and pointers are not allowed" },
        { "pointer", "int x = 1; int* p = &x; return *p;", "unsafe code and pointers are not allowed" },
        { "stackalloc", "Span<decimal> s = stackalloc decimal[1000000]; return 1;", "stackalloc is not allowed" },
        { "DllImport", "[System.Runtime.InteropServices.DllImport(\"libc\")] static extern int getpid(); return getpid();", "local functions are not allowed" },
        { "Marshal", "return System.Runtime.InteropServices.Marshal.ReadByte(0);", "'System.Runtime.InteropServices.Marshal' is not available" },
        { "#r", "#r \"System.IO.dll\"\nreturn 1;", "preprocessor directives" },
        { "#load", "#load \"evil.csx\"\nreturn 1;", "preprocessor directives" },
        { "#define and #if", "#define EVIL\n#if EVIL\nreturn 2;\n#endif\nreturn 1;", "preprocessor directives" },
        { "global::", "return global::System.IO.File.Exists(\"/\") ? 1 : 0;", "'System.IO.File' is not available" },
        { "using alias", "using F = System.IO.File;\nreturn F.Exists(\"/\") ? 1 : 0;", "using is not allowed" },
        { "Activator", "return Activator.CreateInstance(typeof(object)).GetHashCode();", "typeof is not allowed" },
        { "Activator by name", "return Activator.CreateInstance(Type.GetType(\"System.Object\")).GetHashCode();", "'System.Activator' is not available" },
        { "AppDomain", "return AppDomain.CurrentDomain.GetAssemblies().Length;", "'System.AppDomain' is not available" },
        { "GC.Collect", "GC.Collect(); return 1;", "'System.GC' is not available" },
        { "Console", "Console.WriteLine(\"hi\"); return 1;", "'Console' does not exist" },
        { "string concatenation", "return Input(\"to\" + \"talSpend\");", "text is only allowed as the name" },
        { "string member", "return \"abc\".Length;", "'string.Length' is not available" },
        { "interpolated string", "return Input($\"{Quantity}\");", "interpolated strings are not allowed" },
        { "throw", "throw new Exception();", "throw is not allowed" },
        { "throw expression", "return Quantity > 0 ? Quantity : throw null;", "throw is not allowed" },
        { "try/catch", "try { return 1; } catch { return 0; }", "try, catch and finally are not allowed" },
        { "await", "await System.Threading.Tasks.Task.Delay(1000); return 1;", "await is not allowed" },
        { "default of a class", "var f = default(System.IO.FileInfo); return 1;", "'System.IO.FileInfo' is not available" },
        { "ten thousand nested parentheses", new string('(', 10_000) + "1" + new string(')', 10_000), "at most 4096 bytes" },
        { "nesting within the size limit", new string('(', 1_000) + "1" + new string(')', 1_000), "nested more than 32 deep" },
        { "unary chain within the size limit", "return " + string.Concat(Enumerable.Repeat("- ", 1_500)) + "1;", "nested more than 128 levels deep" },
        { "conditional chain within the size limit", "return " + string.Concat(Enumerable.Repeat("Quantity > 1 ? 1 : ", 150)) + "0;", "nested more than 128 levels deep" },
        { "nested interpolations that overflow the lexer's stack", "return Input(" + string.Concat(Enumerable.Repeat("$\"{", 800)) + "1" + string.Concat(Enumerable.Repeat("}\"", 800)) + ");", "interpolated strings are not allowed" },
        { "deep #if condition", "return 1;\r#if " + new string('!', 3_000) + "X\r#endif", "preprocessor directives" },
        { "directive behind a byte order mark", "return 1;\n\uFEFF#if " + new string('!', 3_000) + "X\n#endif", "preprocessor directives" },
        { "over 4 KB", "return 0" + string.Concat(Enumerable.Repeat(" + 1", 1_100)) + ";", "at most 4096 bytes" },
        { "decimal constant overflow", "return decimal.MaxValue * 2;", "Evaluation of the decimal constant expression failed" },
        { "double constant folded to infinity", "return (decimal)(1e308d * 1e308d);", "cannot be converted to a 'decimal'" },
        { "real literal beyond decimal", "return 1e308 * 1e308;", "outside the range of decimal" },
        { "checked constant overflow", "return checked(int.MaxValue * int.MaxValue * 2);", "overflows at compile time" },
        { "__arglist", "var a = __arglist(1); return 1;", "__arglist, __makeref, __reftype and __refvalue are not allowed" },
        { "__makeref", "var x = 1; var r = __makeref(x); return 1;", "__arglist, __makeref, __reftype and __refvalue are not allowed" },
        { "unchecked", "return unchecked((int)Quantity * int.MaxValue);", "unchecked is not allowed" },
        { "lock", "lock (typeof(object)) { } return 1;", "lock is not allowed" },
        { "using block", "using (var s = new System.IO.MemoryStream()) { } return 1;", "using is not allowed" },
        { "yield", "yield return 1;", "yield is not allowed" },
        { "tuple", "var t = (1, 2); return t.Item1;", "tuples are not allowed" },
        { "type pattern", "return Quantity is decimal d ? d : 0;", "switch, is, as and patterns are not allowed" },
        { "nameof", "var n = nameof(Quantity); return 1;", "nameof is not allowed" },
        { "this", "return this.GetHashCode();", "this and base are not available" },
        { "assigning the context", "Quantity = 5; return Quantity;", "cannot be assigned" },
        { "string constant", "const string s = \"x\"; return 1;", "'string' is not available" },
        { "string constant by type name", "const String s = nameof(Quantity); return 1;", "a constant in a formula must be declared with a number type" },
        { "method group", "var f = Math.ILogB; return f(8d);", "'Math.ILogB' is not allowed" },
        { "numeric type member", "return Quantity.Scale;", "'decimal.Scale' is not available" },
        { "fixed", "fixed (int* p = new int[1]) { } return 1;", "unsafe code and pointers are not allowed" },
        { "sizeof", "return sizeof(decimal);", "sizeof is not allowed" },
        { "query", "return (from x in new[] { 1 } select x).Count();", "query expression is not allowed" },
        { "char", "return 'a';", "character literal expression is not allowed" },
        { "parsing", "return decimal.Parse(\"1\");", "'decimal.Parse' is not available" },
        { "escaping the body", "return 1; } public static void Evil() { System.IO.File.Delete(\"/\");", "'}' does not close an open bracket" },
        { "unterminated comment", "return 1; /*", "*/" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void A_hostile_formula_is_rejected_with_a_located_diagnostic(string name, string source, string expected)
    {
        var diagnostics = _engine.Check(source);

        Assert.True(diagnostics.Any(d => d.Message.Contains(expected)), $"{name}: {string.Join("; ", diagnostics)}");
        Assert.All(diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1, d.ToString()));
        Assert.NotEmpty(Assert.Throws<FormulaRejectedException>(() => _engine.Compile(source)).Diagnostics);
    }

    [Fact]
    public void The_engine_still_answers_after_the_whole_corpus()
    {
        foreach (var row in Corpus)
        {
            Assert.Throws<FormulaRejectedException>(() => _engine.Compile((string)row[1]));
        }

        var formula = _engine.Compile("Quantity * Proxy(\"NT1\")");

        Assert.Equal(7m, _engine.Evaluate(formula, new FormulaInputs(2m, 0m, 0m, new Dictionary<string, decimal>()), _ => 3.5m));
    }
}
