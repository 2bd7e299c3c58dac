using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>Every <see cref="Regex"/> reachable from an object through the fields of the engine's own types, their
/// collections and lazies: what a compiled rule set will run, whoever built it.</summary>
internal static class RegexCollector
{
    public static List<Regex> Collect(object root)
    {
        var found = new List<Regex>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is string || !seen.Add(current)) continue;
            if (current is Regex regex)
            {
                found.Add(regex);
                continue;
            }

            var type = current.GetType();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Lazy<>))
            {
                Push(pending, type.GetProperty("Value")!.GetValue(current));
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
            {
                Push(pending, type.GetProperty("Key")!.GetValue(current));
                Push(pending, type.GetProperty("Value")!.GetValue(current));
            }
            else if (IsOwn(type) || type.FullName?.StartsWith("System.ValueTuple", StringComparison.Ordinal) == true)
            {
                for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
                {
                    foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (!field.FieldType.IsPointer) Push(pending, field.GetValue(current));
                    }
                }
            }
            else if (current is IEnumerable items)
            {
                foreach (var item in items) Push(pending, item);
            }
        }

        return found;
    }

    private static bool IsOwn(Type type) => type.Namespace?.StartsWith("ErrorTrace", StringComparison.Ordinal) == true;

    private static void Push(Stack<object> pending, object? value)
    {
        if (value is not null && !value.GetType().IsPrimitive && !value.GetType().IsEnum) pending.Push(value);
    }
}
