using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace ProposalPlatform.Infrastructure.Application;

public static class UseCaseRegistration
{
    /// <summary>Every use case of the service (each <see cref="ItemWriteHandler{TRequest, TTarget, TResult}"/> and <see cref="WriteHandler{TRequest, TResult}"/>), found in its assembly.</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services, Assembly serviceAssembly)
    {
        foreach (var type in serviceAssembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && IsUseCase(t)))
        {
            services.AddSingleton(type);
        }

        return services;
    }

    private static bool IsUseCase(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() is var definition
                && (definition == typeof(ItemWriteHandler<,,>) || definition == typeof(WriteHandler<,>)))
            {
                return true;
            }
        }

        return false;
    }
}
