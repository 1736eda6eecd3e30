namespace Steppe.Domain.Banks;

/// <summary>One thing wrong with a bank file: where (JSON path, 1-based line and column) and why.</summary>
public sealed record BankProblem(string Path, string Message, int Line, int Column)
{
    public override string ToString() => $"{Path}: {Message} (line {Line}, column {Column})";
}
