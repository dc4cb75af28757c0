using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StudyBot.Core.Storage;

/// <summary>
/// Puts a storage port behind a proxy that turns the provider's outage errors (the provider says which, with
/// <c>isOutage</c>) into <see cref="StorageUnavailableException"/> and tells <see cref="StorageOutage"/> how
/// each call went: one place per provider instead of a catch in every store method.
/// </summary>
public static class StorageGuard
{
    /// <summary>Registers <typeparamref name="TStore"/> (also as itself) and <typeparamref name="TPort"/> as the guarded store.</summary>
    public static IServiceCollection AddGuardedStore<TPort, TStore>(this IServiceCollection services, Func<Exception, bool> isOutage)
        where TPort : class
        where TStore : class, TPort
    {
        services.TryAddSingleton<StorageOutage>();
        services.AddSingleton<TStore>();
        services.AddSingleton(provider => Wrap<TPort>(provider.GetRequiredService<TStore>(), isOutage, provider.GetRequiredService<StorageOutage>()));
        return services;
    }

    public static TPort Wrap<TPort>(TPort store, Func<Exception, bool> isOutage, StorageOutage outage) where TPort : class
    {
        var proxy = DispatchProxy.Create<TPort, GuardProxy<TPort>>();
        ((GuardProxy<TPort>)(object)proxy).Guard(store, isOutage, outage);
        return proxy;
    }
}

/// <summary>The proxy of <see cref="StorageGuard"/>; public and unsealed only because <see cref="DispatchProxy"/> needs that.</summary>
public class GuardProxy<TPort> : DispatchProxy where TPort : class
{
    private static readonly ConcurrentDictionary<Type, Func<GuardProxy<TPort>, object, object>> Awaiters = new();

    private TPort _store = null!;
    private Func<Exception, bool> _isOutage = null!;
    private StorageOutage _outage = null!;

    internal void Guard(TPort store, Func<Exception, bool> isOutage, StorageOutage outage) => (_store, _isOutage, _outage) = (store, isOutage, outage);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        object? result;
        try
        {
            result = targetMethod!.Invoke(_store, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);
        }
        catch (Exception e)
        {
            throw Translate(e);
        }
        if (result is null || !IsAwaitable(targetMethod.ReturnType))
        {
            _outage.Succeeded();
            return result;
        }
        return Awaiters.GetOrAdd(targetMethod.ReturnType, Awaiter)(this, result);
    }

    private static bool IsAwaitable(Type type) =>
        type == typeof(Task) || type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>));

    private static Func<GuardProxy<TPort>, object, object> Awaiter(Type returnType)
    {
        if (returnType == typeof(Task)) return (guard, task) => guard.ObserveAsync((Task)task);
        var name = returnType.GetGenericTypeDefinition() == typeof(Task<>) ? nameof(ObserveTask) : nameof(ObserveValueTask);
        var method = typeof(GuardProxy<TPort>).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(returnType.GetGenericArguments());
        return method.CreateDelegate<Func<GuardProxy<TPort>, object, object>>();
    }

    // Both return object: Awaiter makes a Func<…, object> of them, one per return type.
    [SuppressMessage("Performance", "CA1859", Justification = "bound to a delegate returning object")]
    private static object ObserveTask<T>(GuardProxy<TPort> guard, object task) => guard.ObserveAsync((Task<T>)task);

    [SuppressMessage("Performance", "CA1859", Justification = "bound to a delegate returning object")]
    private static object ObserveValueTask<T>(GuardProxy<TPort> guard, object task) => new ValueTask<T>(guard.ObserveAsync(((ValueTask<T>)task).AsTask()));

    private async Task ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw Translate(e);
        }
        _outage.Succeeded();
    }

    private async Task<T> ObserveAsync<T>(Task<T> task)
    {
        T result;
        try
        {
            result = await task.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw Translate(e);
        }
        _outage.Succeeded();
        return result;
    }

    /// <summary>The outage exception, or (for any other error) the original one rethrown with its own stack.</summary>
    private StorageUnavailableException Translate(Exception error)
    {
        if (error is OperationCanceledException || !_isOutage(error)) ExceptionDispatchInfo.Throw(error);
        _outage.Failed(error);
        return new StorageUnavailableException(error);
    }
}
