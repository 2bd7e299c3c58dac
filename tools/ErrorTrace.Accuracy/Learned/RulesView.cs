namespace ErrorTrace.Accuracy.Learned;

/// <summary>Which rules the combinations are built on.</summary>
internal enum RulesView
{
    /// <summary>The rules as they are now: written from these very logs, so every figure with them is optimistic.</summary>
    Now,

    /// <summary>The rules as they were when each batch was scored before fixing (<see cref="BeforeFixing"/>): the
    /// honest answer on unseen logs. Cases without a record (batch b00) keep the rules of now.</summary>
    BeforeFixing,
}
