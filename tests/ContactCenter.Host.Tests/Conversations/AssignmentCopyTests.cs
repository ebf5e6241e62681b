using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using ContactCenter.Conversations.Domain;
using ContactCenter.Conversations.Assignment;

namespace ContactCenter.Host.Tests.Conversations;

/// <summary>
/// Queues owns who has a conversation. Conversations keeps a read-only copy: its columns cannot be set from outside the
/// entity (set once when opened, for the team), and the entity's two mutators are called by the routing handler only.
/// </summary>
public sealed class AssignmentCopyTests
{
    private static readonly string[] Copied =
        [nameof(Conversation.TeamId), nameof(Conversation.AssignedAgentId), nameof(Conversation.AssignedAt), nameof(Conversation.FirstResponseDueAt)];

    [Fact]
    public void The_assignment_columns_have_no_setter_other_code_can_call_after_creation()
    {
        var settable = Copied
            .Select(name => typeof(Conversation).GetProperty(name)!)
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => p.Name);

        Assert.Empty(settable);
    }

    [Fact]
    public void Only_the_routing_handler_changes_the_copy()
    {
        var mutators = new[] { nameof(Conversation.ApplyRouting), nameof(Conversation.ApplyAnswered) }
            .Select(name => typeof(Conversation).GetMethod(name)!)
            .ToHashSet();

        var callers = typeof(Conversation).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(All).Cast<MethodBase>().Concat(t.GetConstructors(All)))
            .Where(m => Calls(m).Any(mutators.Contains))
            .Select(m => Outermost(m.DeclaringType!).FullName)
            .Distinct()
            .ToList();

        Assert.Equal([typeof(ApplyRouting).FullName], callers);
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    /// <summary>Async methods and lambdas compile to nested types: the caller is the type the code was written in.</summary>
    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    /// <summary>The methods a method's IL calls (call, callvirt, newobj, ldftn), read opcode by opcode.</summary>
    private static IEnumerable<MethodBase> Calls(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var called = new List<MethodBase>();
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? unchecked((short)(0xFE00 | il[i + 1])) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineMethod:
                    if (Resolve(method, BitConverter.ToInt32(il, i)) is { } target)
                    {
                        called.Add(target);
                    }

                    i += 4;
                    break;
                default:
                    i += 4;
                    break;
            }
        }

        return called;
    }

    private static MethodBase? Resolve(MethodBase method, int token)
    {
        try
        {
            return method.Module.ResolveMethod(
                token,
                method.DeclaringType is { IsGenericType: true } type ? type.GetGenericArguments() : null,
                method.IsGenericMethod ? method.GetGenericArguments() : null);
        }
        catch (ArgumentException)
        {
            return null; // a generic context this reader does not rebuild: never one of the entity's own methods
        }
    }
}
